package dev.backprop.core.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightInitializerTest {

    // Each built-in's variance and determinism: the test kit's InitializerContract (…ContractTest classes here).

    @Test
    void registry_findsEveryBuiltInInitializer() {
        assertTrue(PluginRegistry.discovered().ids(PluginKind.INITIALIZER).stream().map(Object::toString).toList()
                .containsAll(List.of("glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
                        "lecun_normal", "lecun_uniform", "zeros", "constant")));
    }

    @Test
    void builder_constantInitializerWithValue_setsEveryWeight() {
        Network network = Network.builder().input(3).dense(2, "identity")
                .withInitializer("constant", Hyperparameters.of("value", 0.25)).build();
        for (float w : network.parameters().get(0).values()) {
            assertEquals(0.25f, w);
        }
        assertEquals(Hyperparameters.of("value", 0.25), network.spec().layers().get(0).initializerHyperparameters());
    }

    @Test
    void builder_unknownInitializer_listsTheAvailableOnes() {
        UnknownPluginException e = assertThrows(UnknownPluginException.class,
                () -> Network.builder().input(3).dense(2, "relu").withInitializer("he_normall").build());
        assertTrue(e.getMessage().startsWith("No initializer with id 'he_normall'. Available: "), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'he_normal'?"), e.getMessage());
    }
}
