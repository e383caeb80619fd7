package dev.backprop.api;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The wording of every refused setting, so that built-ins and third-party plugins say the same: what
 * was expected, what was found and how to fix it.
 */
final class SettingMessages {

    private SettingMessages() {
    }

    /** A value of the wrong kind, out of range, or not among the choices. */
    static InvalidHyperparameterException refused(PluginId plugin, Setting setting, Object found) {
        String expected = setting.kind() == Setting.Kind.NUMBER ? "a number " + setting.allowed() : setting.allowed();
        String note = setting.kind() == Setting.Kind.FLAG ? " (files written before switches existed hold 1 or 0,"
                + " which are read as true and false)" : "";
        String suggestion = found instanceof String text
                ? closest(text, setting.choices()).map(c -> " Did you mean '" + c + "'?").orElse("") : "";
        return new InvalidHyperparameterException("Hyperparameter '" + setting.name() + "' of plugin '" + plugin
                + "' must be " + expected + note + " but was " + Hyperparameters.describe(found) + "." + suggestion
                + " Use a value such as " + setting.defaultValue() + " (the default).");
    }

    /** A name the plugin does not accept. */
    static InvalidHyperparameterException unknownName(PluginId plugin, String name, Collection<String> accepted) {
        String acceptedText = accepted.isEmpty() ? "none" : String.join(", ", new TreeSet<>(accepted));
        String suggestion = closest(name, accepted).map(c -> " Did you mean '" + c + "'?").orElse("");
        return new InvalidHyperparameterException("Plugin '" + plugin + "' has no hyperparameter '" + name
                + "'. It accepts: " + acceptedText + "." + suggestion + " Remove '" + name
                + "' or check its spelling.");
    }

    /** New values for a plugin that cannot rebuild itself. */
    static InvalidHyperparameterException cannotChange(Plugin plugin, Hyperparameters requested) {
        return new InvalidHyperparameterException("Plugin '" + plugin.id() + "' (" + plugin.getClass().getName()
                + ") declares hyperparameters " + plugin.hyperparameters() + " but does not implement"
                + " withHyperparameters, so " + requested + " cannot be applied: override withHyperparameters in"
                + " the plugin, for example with settings().apply(this, requested, constructorFromHyperparameters).");
    }

    /**
     * The candidate that differs from {@code word} only in case and punctuation ({@code learningRate},
     * {@code learning-rate} for {@code learning_rate}), if there is exactly one.
     */
    private static Optional<String> closest(String word, Collection<String> candidates) {
        String key = key(word);
        var matches = candidates.stream().filter(c -> !c.equals(word) && key(c).equals(key)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    private static String key(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
