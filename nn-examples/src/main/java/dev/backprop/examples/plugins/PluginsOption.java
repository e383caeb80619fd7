package dev.backprop.examples.plugins;

import dev.backprop.core.plugin.PluginRegistry;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --plugins DIR}, given before or after any command: the built-in plugins and, when given, the
 * jars in {@code DIR} ({@link PluginFolder}). Read once the command line is parsed.
 */
public final class PluginsOption {

    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load the plugins in every *.jar directly inside DIR (activations, losses,"
                    + " optimizers, initialisers), for example --plugins nn-examples-plugin/target.")
    Path folder;

    /** The built-ins, plus the plugins of {@code --plugins DIR} when it was given. */
    public PluginRegistry registry() {
        return folder == null ? PluginRegistry.discovered() : PluginFolder.registry(folder);
    }
}
