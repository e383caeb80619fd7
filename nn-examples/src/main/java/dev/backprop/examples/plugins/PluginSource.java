package dev.backprop.examples.plugins;

import dev.backprop.core.plugin.PluginRegistry;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level command as the source of the plugin registry, for commands that look it up from their
 * spec instead of having it injected ({@code Provider<PluginRegistry>}, bound by
 * {@code dev.backprop.examples.inject.CliModule}); both give the same registry.
 */
public interface PluginSource {

    /** The registry of the built-ins and, with {@code --plugins DIR}, that folder's plugins. */
    PluginRegistry pluginRegistry();

    /**
     * The registry for the command {@code spec}: its root command's when that is a
     * {@link PluginSource}, else the discovered one (a subcommand run on its own).
     */
    static PluginRegistry registryOf(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof PluginSource source ? source.pluginRegistry() : PluginRegistry.discovered();
    }
}
