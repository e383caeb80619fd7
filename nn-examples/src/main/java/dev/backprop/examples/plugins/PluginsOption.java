package dev.backprop.examples.plugins;

import dev.backprop.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.List;
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

    private volatile List<String> jarProblems = List.of();

    /** The built-ins, plus the plugins of {@code --plugins DIR} when it was given. */
    public PluginRegistry registry() {
        if (folder == null) {
            return PluginRegistry.discovered();
        }
        PluginFolder.Loaded loaded = PluginFolder.load(folder);
        jarProblems = loaded.problems();
        return loaded.registry();
    }

    /** The jars of {@code --plugins DIR} that {@link #registry()} skipped, one line each (empty before it ran). */
    public List<String> jarProblems() {
        return jarProblems;
    }
}
