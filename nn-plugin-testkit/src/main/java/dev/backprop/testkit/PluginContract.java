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
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What every plugin kind's contract checks: the id, the hyperparameter round trip (numbers, switches
 * and text choices alike), the refusal of unknown names, and that the declared {@link Settings}
 * describe the plugin and are what it enforces. {@link ActivationContract}, {@link LossContract},
 * {@link OptimizerContract} and {@link InitializerContract} extend it; extend one of those.
 *
 * @param <P> the plugin kind
 */
public abstract class PluginContract<P extends Plugin> {

    /** Package prefix of Backprop's own plugins, the only ones allowed a bare id. */
    static final String BUILT_IN_PACKAGE = "dev.backprop.";

    /** Numbers tried against each declared number setting: edges of the usual ranges and beyond. */
    private static final double[] NUMBER_PROBES = {-1e39, -1, -0.5, -1e-3, 0, Double.MIN_VALUE, Float.MIN_VALUE, 1e-3,
        0.5, Math.nextDown(1f), 0.99999999, 1, 2, 1e6, Float.MAX_VALUE, 1e39};

    /** The plugin under test; a fresh or shared instance, it must be immutable either way. */
    protected abstract P instance();

    /** {@code plugin} with {@code requested} applied: the kind's {@code withHyperparameters}. */
    protected abstract P withHyperparameters(P plugin, Hyperparameters requested);

    /** A name the plugin does not accept, for the unknown-name check. */
    protected String unknownHyperparameterName() {
        return "no_such_hyperparameter";
    }

    /** A different valid value for a number setting, for the round-trip check: half of it, or 0.5 for 0. */
    protected double changedHyperparameter(String name, double current) {
        return current == 0 ? 0.5 : current / 2;
    }

    /**
     * A different valid value for any setting, for the round-trip check, or null to skip it: for a
     * number {@link #changedHyperparameter}, for a switch the other value, for a text the first other
     * choice its declared setting offers (a text setting without declared choices is skipped).
     */
    protected Object changedSetting(String name, Object current) {
        if (current instanceof Double number) {
            return changedHyperparameter(name, number);
        }
        if (current instanceof Boolean flag) {
            return !flag;
        }
        return instance().settings().find(name).stream().flatMap(s -> s.choices().stream())
                .filter(choice -> !choice.equals(current)).findFirst().orElse(null);
    }

    /**
     * The id is valid ({@link PluginId}'s pattern), stable across calls, and dotted unless the plugin
     * is one of Backprop's built-ins (a class in a {@code dev.backprop.} package).
     */
    @Test
    public void id_isValidAndNamespacedUnlessBuiltIn() {
        P plugin = instance();
        PluginId id = plugin.id();
        assertNotNull(id, who(plugin) + ": id() must not return null");
        PluginId reparsed = assertDoesNotThrow(() -> PluginId.of(id.value()),
                who(plugin) + ": id '" + id + "' must be valid");
        assertEquals(reparsed, plugin.id(), who(plugin) + ": id() must be constant");
        if (!plugin.getClass().getName().startsWith(BUILT_IN_PACKAGE)) {
            assertFalse(id.isBuiltInNamespace(), "bare ids such as '" + id + "' are reserved for Backprop's"
                    + " built-ins: namespace the id of " + plugin.getClass().getName() + ", e.g. 'acme." + id + "'");
        }
    }

    /**
     * {@code with(hyperparameters())} and {@code with(none())} give an equal plugin; each setting
     * changed alone (to {@link #changedSetting}) reads back with the others untouched and leaves the
     * original alone; an unknown name is refused with a message naming it and the plugin.
     */
    @Test
    public void hyperparameters_roundTripAndUnknownNameIsRefused() {
        P plugin = instance();
        Hyperparameters original = plugin.hyperparameters();
        assertNotNull(original, who(plugin) + ": hyperparameters() must not return null");
        assertEquals(plugin, withHyperparameters(plugin, original),
                who(plugin) + ": withHyperparameters(hyperparameters()) must give an equal plugin");
        assertEquals(plugin, withHyperparameters(plugin, Hyperparameters.none()),
                who(plugin) + ": withHyperparameters(none()) must give an equal plugin");

        for (Map.Entry<String, Object> e : original.asMap().entrySet()) {
            Object changed = changedSetting(e.getKey(), e.getValue());
            if (changed != null) {
                checkChangedAlone(plugin, e.getKey(), changed);
            }
        }

        String unknown = unknownHyperparameterName();
        assertFalse(original.contains(unknown), who(plugin) + ": pick an unknown name the plugin does not accept");
        InvalidHyperparameterException error = assertThrows(InvalidHyperparameterException.class,
                () -> withHyperparameters(plugin, Hyperparameters.of(unknown, 0.5)),
                who(plugin) + ": the unknown hyperparameter '" + unknown + "' must be refused with an"
                        + " InvalidHyperparameterException");
        assertNamesSettingAndPlugin(error, unknown, plugin);
        assertEquals(original, plugin.hyperparameters(),
                who(plugin) + ": a refused change must leave the original unchanged");
    }

    /**
     * {@code settings()} belongs to the plugin and describes exactly the hyperparameters it reports,
     * each current value being one its setting accepts.
     */
    @Test
    public void settings_describeEveryHyperparameter() {
        P plugin = instance();
        Settings settings = plugin.settings();
        assertNotNull(settings, who(plugin) + ": settings() must not return null");
        assertEquals(plugin.id(), settings.pluginId(),
                who(plugin) + ": settings() must be declared for the plugin's own id");
        Hyperparameters current = plugin.hyperparameters();
        assertEquals(current.names(), new TreeSet<>(settings.names()),
                who(plugin) + ": settings() must declare exactly the names hyperparameters() reports");
        for (Setting setting : settings.list()) {
            assertTrue(setting.accepts(current.value(setting.name())), who(plugin) + ": the current value of '"
                    + setting.name()
                    + "', " + current.value(setting.name()) + ", must be " + setting.allowed());
        }
    }

    /**
     * For declared settings: {@code withHyperparameters} accepts a value exactly when its setting does
     * (numbers at the edges of the usual ranges, every choice, switches and the 1 or 0 of old files),
     * stores it as the setting does, and refuses the rest naming the setting and the plugin. A plugin
     * that declares nothing must take back exactly what it reports and refuse a setting it does not have.
     */
    @Test
    public void settings_areWhatWithHyperparametersEnforces() {
        P plugin = instance();
        if (!plugin.settings().isDeclared()) {
            assertEquals(plugin, withHyperparameters(plugin, plugin.hyperparameters()),
                    who(plugin) + ": withHyperparameters(hyperparameters()) must give an equal plugin");
            InvalidHyperparameterException error = assertThrows(InvalidHyperparameterException.class,
                    () -> withHyperparameters(plugin, Hyperparameters.of("no_such_setting", 1.0)),
                    who(plugin) + ": a plugin that declares no settings must refuse one it does not have");
            assertNamesSettingAndPlugin(error, "no_such_setting", plugin);
            return;
        }
        for (Setting setting : plugin.settings().list()) {
            for (Object probe : probes(setting)) {
                Hyperparameters requested = Hyperparameters.of(Map.of(setting.name(), probe));
                if (setting.accepts(probe)) {
                    P copy = assertDoesNotThrow(() -> withHyperparameters(plugin, requested),
                            who(plugin) + ": '" + setting.name() + "' = " + probe + " is " + setting.allowed());
                    Object expected = setting.kind() == Setting.Kind.FLAG && probe instanceof Double d ? (Object) (d == 1)
                            : requested.value(setting.name());
                    assertEquals(expected, copy.hyperparameters().value(setting.name()),
                            who(plugin) + ": '" + setting.name() + "' = " + probe + " must read back as " + expected);
                } else {
                    InvalidHyperparameterException error = assertThrows(InvalidHyperparameterException.class,
                            () -> withHyperparameters(plugin, requested),
                            who(plugin) + ": '" + setting.name() + "' = " + probe + " is not " + setting.allowed());
                    assertNamesSettingAndPlugin(error, setting.name(), plugin);
                }
            }
        }
    }

    private void checkChangedAlone(P plugin, String name, Object changed) {
        Hyperparameters original = plugin.hyperparameters();
        P copy = withHyperparameters(plugin, Hyperparameters.of(Map.of(name, changed)));
        Object read = copy.hyperparameters().value(name);
        if (changed instanceof Double number) {
            assertTrue(read instanceof Double, who(plugin) + ": '" + name + "' set to " + changed
                    + " must read back as a number: " + read);
            assertEquals(number, (Double) read, 1e-12 * Math.abs(number), who(plugin) + ": '" + name + "' set to "
                    + changed
                    + " must read back");
        } else {
            assertEquals(changed, read, who(plugin) + ": '" + name + "' set to " + changed + " must read back");
        }
        for (String other : original.names()) {
            if (!other.equals(name)) {
                assertEquals(original.value(other), copy.hyperparameters().value(other),
                        who(plugin) + ": changing '" + name + "' must keep '" + other + "'");
            }
        }
        assertEquals(plugin.id(), copy.id(), who(plugin) + ": changing settings must keep the id");
        assertEquals(original, plugin.hyperparameters(),
                who(plugin) + ": withHyperparameters must leave the original unchanged");
    }

    private static List<Object> probes(Setting setting) {
        List<Object> probes = new ArrayList<>();
        switch (setting.kind()) {
            case FLAG:
                probes.addAll(List.of(true, false, 1.0, 0.0, 0.5, 2.0, "yes"));
                break;
            case TEXT:
                probes.addAll(setting.choices());
                probes.addAll(List.of("no_such_choice", 1.0, true));
                break;
            default:
                for (double number : NUMBER_PROBES) {
                    probes.add(number);
                }
                probes.addAll(List.of(setting.defaultValue(), "text", true));
        }
        return probes;
    }

    /**
     * How failure messages name the plugin: {@code plugin 'acme.swish' (com.acme.Swish)}, or its class
     * alone while its id is missing or broken.
     */
    static String who(Plugin plugin) {
        String type = plugin.getClass().getName();
        try {
            PluginId id = plugin.id();
            return id == null ? "plugin " + type + " (its id() is null)" : "plugin '" + id + "' (" + type + ")";
        } catch (RuntimeException e) {
            return "plugin " + type + " (its id() threw " + e + ")";
        }
    }

    private static void assertNamesSettingAndPlugin(InvalidHyperparameterException error, String name, Plugin plugin) {
        String message = error.getMessage();
        assertTrue(message != null && message.contains(name), who(plugin) + ": the message must name '" + name
                + "': " + message);
        assertTrue(message.contains(plugin.id().value()), who(plugin) + ": the message must name the plugin '"
                + plugin.id() + "': "
                + message);
    }
}
