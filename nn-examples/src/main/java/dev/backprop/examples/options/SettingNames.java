package dev.backprop.examples.options;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.Plugin;
import dev.backprop.api.PluginId;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.text.ClosestMatch;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the names of the settings typed for a plugin against the ones it declares, before anything
 * runs, so that a misspelt name gets the closest declared one ({@code beta} → {@code beta1}). Values
 * are the plugin's to check (kind, range, choices) when the registry applies them. An id the registry
 * does not know, or a plugin whose {@code settings()} throws, is left to the registry, whose messages
 * say that. Stateless.
 */
final class SettingNames {

    private SettingNames() {
    }

    /**
     * @param option   the option the settings came from, such as {@code --optimizer}
     * @param kind     the kind of plugin
     * @param id       the plugin id as typed
     * @param given    the settings typed for it
     * @param registry the plugins, built-ins and {@code --plugins}
     * @throws InvalidConfigurationException for a name the plugin does not declare
     */
    static void check(String option, PluginKind kind, String id, Hyperparameters given, PluginRegistry registry) {
        if (given.isEmpty()) {
            return;
        }
        Set<String> declared = declared(kind, id, registry);
        if (declared == null) {
            return;
        }
        for (String name : given.asMap().keySet()) {
            if (!declared.contains(name)) {
                throw new InvalidConfigurationException(option + " " + id + ": the " + kind.word() + " '" + id
                        + "' has no setting '" + name + "'." + ClosestMatch.suggestion(name, declared) + " It takes: "
                        + (declared.isEmpty() ? "none" : String.join(", ", new TreeSet<>(declared)))
                        + " (./backprop plugins describes each).");
            }
        }
    }

    /** The names {@code id} declares, or null when the registry cannot tell (unknown id, a failing plugin). */
    private static Set<String> declared(PluginKind kind, String id, PluginRegistry registry) {
        try {
            Plugin plugin = registry.plugins(kind).get(PluginId.of(id));
            return plugin == null ? null : plugin.settings().names();
        } catch (RuntimeException | LinkageError e) {
            return null; // the registry reports it where the plugin is used
        }
    }
}
