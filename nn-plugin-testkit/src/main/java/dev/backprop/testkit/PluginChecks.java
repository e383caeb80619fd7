package dev.backprop.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.Plugin;
import dev.backprop.api.PluginId;
import java.util.Map;
import java.util.function.Function;

/** The checks every plugin kind shares: id format and the hyperparameter round trip. */
final class PluginChecks {

    /** Package prefix of Backprop's own plugins, the only ones allowed a bare id. */
    static final String BUILT_IN_PACKAGE = "dev.backprop.";

    private PluginChecks() {
    }

    /**
     * The id is valid ({@link PluginId}'s pattern), stable across calls, and dotted unless the
     * plugin is one of Backprop's built-ins (a class in a {@code dev.backprop.} package).
     */
    static void checkId(Plugin plugin) {
        PluginId id = plugin.id();
        assertNotNull(id, "id() must not return null");
        PluginId reparsed = assertDoesNotThrow(() -> PluginId.of(id.value()), "id '" + id + "' must be valid");
        assertEquals(reparsed, plugin.id(), "id() must be constant");
        if (!plugin.getClass().getName().startsWith(BUILT_IN_PACKAGE)) {
            assertFalse(id.isBuiltInNamespace(), "bare ids such as '" + id + "' are reserved for Backprop's"
                    + " built-ins: namespace the id of " + plugin.getClass().getName() + ", e.g. 'acme." + id + "'");
        }
    }

    /**
     * {@code with(hyperparameters())} and {@code with(none())} give an equal plugin; each setting
     * changed alone (to {@code changedValue(name, current)}) reads back with the others untouched and
     * leaves the original alone; an unknown name is refused with a message naming it and the plugin.
     */
    static <P extends Plugin> void checkHyperparameterRoundTrip(P plugin, Function<Hyperparameters, P> with,
                                                                String unknownName,
                                                                ChangedValue changedValue) {
        Hyperparameters original = plugin.hyperparameters();
        assertNotNull(original, "hyperparameters() must not return null");
        assertEquals(plugin, with.apply(original), "withHyperparameters(hyperparameters()) must give an equal plugin");
        assertEquals(plugin, with.apply(Hyperparameters.none()), "withHyperparameters(none()) must give an equal plugin");

        for (Map.Entry<String, Object> e : original.asMap().entrySet()) {
            if (!(e.getValue() instanceof Double)) {
                continue;
            }
            String name = e.getKey();
            double current = (Double) e.getValue();
            double changed = changedValue.of(name, current);
            P copy = with.apply(Hyperparameters.of(name, changed));
            Hyperparameters read = copy.hyperparameters();
            assertEquals(changed, read.get(name, Double.NaN), 1e-12 * Math.abs(changed),
                    "'" + name + "' set to " + changed + " must read back");
            for (String other : original.names()) {
                if (!other.equals(name)) {
                    assertEquals(original.value(other), read.value(other),
                            "changing '" + name + "' must keep '" + other + "'");
                }
            }
            assertEquals(plugin.id(), copy.id(), "changing settings must keep the id");
            assertEquals(original, plugin.hyperparameters(), "withHyperparameters must leave the original unchanged");
        }

        assertFalse(original.contains(unknownName), "pick an unknown name the plugin does not accept");
        InvalidHyperparameterException error = assertThrows(InvalidHyperparameterException.class,
                () -> with.apply(Hyperparameters.of(unknownName, 0.5)), "unknown hyperparameter '" + unknownName + "'");
        assertTrue(error.getMessage() != null && error.getMessage().contains(unknownName),
                "the message must name '" + unknownName + "': " + error.getMessage());
        assertTrue(error.getMessage().contains(plugin.id().value()),
                "the message must name the plugin '" + plugin.id() + "': " + error.getMessage());
        assertEquals(original, plugin.hyperparameters(), "a refused change must leave the original unchanged");
    }

    /** How a check picks a different, valid value for one setting. */
    @FunctionalInterface
    interface ChangedValue {
        double of(String name, double current);
    }
}
