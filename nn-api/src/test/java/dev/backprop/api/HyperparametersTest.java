package dev.backprop.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void with_returnsACopyAndLeavesTheOriginal() {
        Hyperparameters base = Hyperparameters.of("alpha", 0.1);
        Hyperparameters changed = base.with("alpha", 0.2).with("beta", 1);
        assertEquals(0.1, base.get("alpha", 0));
        assertEquals(0.2, changed.get("alpha", 0));
        assertEquals(Set.of("alpha", "beta"), changed.names());
        assertEquals(7.0, base.get("missing", 7.0));
    }

    @Test
    void equality_ignoresInsertionOrderAndTheSignOfZero() {
        assertEquals(Hyperparameters.of("a", 1, "b", 2), Hyperparameters.of("b", 2, "a", 1));
        assertEquals(Hyperparameters.of("alpha", -0.0), Hyperparameters.of("alpha", 0.0));
        assertEquals("{a=1.0, b=2.0}", Hyperparameters.of(Map.of("b", 2, "a", 1)).toString());
    }

    @Test
    void nonFiniteValue_isRefusedWithTheName() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> Hyperparameters.of("learning_rate", Double.NaN));
        assertTrue(e.getMessage().startsWith("Hyperparameter 'learning_rate' must be a finite number but was NaN"),
                e.getMessage());
    }

    @Test
    void requireKnownNames_listsTheAcceptedOnes() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> Hyperparameters.of("alpah", 1).requireKnownNames(PluginId.of("elu"), Set.of("alpha")));
        assertEquals("Plugin 'elu' has no hyperparameter 'alpah'. It accepts: alpha. Remove 'alpah' or check its"
                + " spelling.", e.getMessage());
    }

}
