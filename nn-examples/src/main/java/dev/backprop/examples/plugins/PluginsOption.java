package dev.backprop.examples.plugins;

import dev.backprop.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --plugins DIR}, given before or after any command, as often as needed: the built-in plugins
 * and the jars in each {@code DIR} ({@link PluginFolder}). Read once the command line is parsed.
 */
public final class PluginsOption {

    /** Every folder given, before or after the command, in order. */
    private final List<Path> folders = new CopyOnWriteArrayList<>();

    private volatile List<String> jarProblems = List.of();
    private volatile Consumer<List<String>> problemReport = problems -> { };

    /**
     * Picocli's setter: called with the folders given to one command (the root, then the subcommand,
     * each starting from an empty list), so the folders are collected across both.
     */
    @Option(names = "--plugins", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Also load the plugins in every *.jar directly inside DIR (activations, losses,"
                    + " optimizers, initialisers), for example --plugins nn-examples-plugin/target. Repeatable:"
                    + " --plugins a --plugins b loads both folders.")
    void addFolders(List<Path> given) {
        if (given != null) {
            given.stream().filter(folder -> !folders.contains(folder)).forEach(folders::add);
        }
    }

    /**
     * The built-ins, plus the plugins of every {@code --plugins DIR} given. The problems met (unreadable
     * jars, plugins skipped at discovery) go to the {@linkplain #reportProblemsTo report}, once.
     */
    public PluginRegistry registry() {
        PluginRegistry registry;
        if (folders.isEmpty()) {
            registry = PluginRegistry.discovered();
        } else {
            PluginFolder.Loaded loaded = PluginFolder.load(folders);
            jarProblems = loaded.problems();
            registry = loaded.registry();
        }
        List<String> problems = new ArrayList<>(jarProblems.stream().map(p -> "jar: " + p).toList());
        registry.problems().forEach(p -> problems.add(p.kind().word() + ": " + p.message()));
        if (!problems.isEmpty()) {
            problemReport.accept(List.copyOf(problems));
        }
        return registry;
    }

    /**
     * Where {@link #registry()} reports the problems it met, one line each ({@code jar: ...},
     * {@code activation: ...}); by default nowhere (the {@code plugins} command lists them itself).
     */
    public void reportProblemsTo(Consumer<List<String>> report) {
        this.problemReport = report;
    }

    /** The folders given, in order (empty when none). */
    public List<Path> folders() {
        return List.copyOf(folders);
    }

    /** The jars of {@code --plugins} that {@link #registry()} skipped, one line each (empty before it ran). */
    public List<String> jarProblems() {
        return jarProblems;
    }
}
