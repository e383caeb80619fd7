package dev.backprop.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PluginIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky_relu", "acme.swish", "org.acme.nn.swish2"})
    void validIds_areAccepted(String value) {
        assertEquals(value, PluginId.of(value).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ReLU", "2relu", "acme..swish", "acme.", ".relu", "leaky-relu", "relu "})
    void malformedIds_areRefusedWithThePattern(String value) {
        InvalidPluginException e = assertThrows(InvalidPluginException.class, () -> PluginId.of(value));
        assertTrue(e.getMessage().contains("is not valid: expected lower-case words"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "adam"})
    void bareIds_areTheBuiltInNamespace(String value) {
        assertTrue(PluginId.of(value).isBuiltInNamespace());
        assertFalse(PluginId.of("acme." + value).isBuiltInNamespace());
    }
}
