package dev.backprop.examples.plugins;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.Plugin;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginOrigin;
import dev.backprop.core.plugin.PluginProblem;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.text.RootCause;
import dev.backprop.examples.console.TextTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./backprop plugins}: every discovered plugin, grouped by kind, with its hyperparameters'
 * defaults, implementing class and the jar or folder it came from; then each plugin's settings (name,
 * default, accepted values, help) as the plugin declares them; then the problems: plugin jars that could
 * not be read, discovery problems, and plugins whose {@code hyperparameters()} or {@code settings()} threw
 * (each listed with the root cause; the other plugins are listed as usual).
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Lists the discovered activations, losses, optimizers and initialisers: id, hyperparameters"
                + " (defaults) and the jar or folder it came from (with --wide, also the implementing class); then"
                + " every setting of each plugin (name, default, accepted values, help); then any discovery problems"
                + " (duplicate ids, refused bare ids, plugins that failed to load).",
            "Fits 100 columns: long cells wrap and the from column names the jar or folder only; --wide prints"
                + " one line per row with each plugin's class and full location.",
            "Add --plugins DIR to include the jars in DIR."})
public final class PluginsCommand implements Callable<Integer> {

    /** Core's row-wise softmax: a layer function of core, not a registry plugin. */
    private static final String[] HEADER = {"kind", "id", "hyperparameters (defaults)", "class", "from"};
    private static final String[] NARROW_HEADER = {"kind", "id", "hyperparameters (defaults)", "from"};
    private static final Pattern VERSIONED_JAR = Pattern.compile("(.+?)-\\d+(\\.\\d+)*(-[A-Za-z0-9.]+)?\\.jar");
    /** The width the output fits without {@code --wide}. */
    static final int WIDTH = 100;
    private static final String[] SETTINGS_HEADER = {"  setting", "default", "accepts", "help"};
    private static final String UNDECLARED = "(not declared by the plugin)";

    @Spec
    private CommandSpec spec;

    @Option(names = "--wide", description = "One line per row, however long, with each plugin's implementing class and"
            + " the full location of its jar or folder.")
    private boolean wide;

    private static final String FAILED = "(failed: see Problems)";

    private final Provider<PluginRegistry> registryProvider;
    private final PluginsOption pluginsOption;

    /**
     * @param registry      the application's registry (built-ins and {@code --plugins}), built on first use
     * @param pluginsOption {@code --plugins}, for the jars it skipped
     */
    @Inject
    PluginsCommand(Provider<PluginRegistry> registry, PluginsOption pluginsOption) {
        this.registryProvider = registry;
        this.pluginsOption = pluginsOption;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = registryProvider.get();
        List<String[]> rows = new ArrayList<>();
        Map<String, List<String[]>> settings = new LinkedHashMap<>();
        List<String> failures = new ArrayList<>();
        for (PluginKind kind : PluginKind.values()) {
            for (Map.Entry<PluginId, ? extends Plugin> entry : registry.plugins(kind).entrySet()) {
                Plugin plugin = entry.getValue();
                PluginOrigin origin = PluginOrigin.of(plugin.getClass());
                String name = kind.word() + " " + entry.getKey();
                String hyperparameters = FAILED;
                try {
                    hyperparameters = describe(plugin.hyperparameters());
                } catch (RuntimeException | LinkageError e) {
                    failures.add(failure(name, origin, "hyperparameters()", e));
                }
                rows.add(wide ? new String[] {kind.word(), entry.getKey().value(), hyperparameters, origin.className(),
                    origin.location()} : new String[] {kind.word(), entry.getKey().value(), hyperparameters,
                        shortLocation(origin.location())});
                try {
                    if (!plugin.settings().list().isEmpty()) {
                        settings.put(name, settingRows(plugin.settings()));
                    }
                } catch (RuntimeException | LinkageError e) {
                    if (!FAILED.equals(hyperparameters)) { // settings() reads hyperparameters(): one problem is enough
                        failures.add(failure(name, origin, "settings()", e));
                    }
                }
            }
        }
        print(out, rows);
        out.println();
        out.println("Settings");
        printSettings(out, settings);
        out.println();
        out.println("Problems");
        List<PluginProblem> problems = registry.problems();
        List<String> jarProblems = pluginsOption.jarProblems();
        if (problems.isEmpty() && jarProblems.isEmpty() && failures.isEmpty()) {
            out.println("  none");
        }
        List<String> lines = new ArrayList<>();
        jarProblems.forEach(problem -> lines.add("jar: " + problem));
        problems.forEach(problem -> lines.add(problem.kind().word() + ": " + problem.message()));
        lines.addAll(failures);
        for (String line : lines) {
            List<String> wrapped = wide ? List.of(line) : TextTable.wrap(line, WIDTH - 4);
            out.println("  " + wrapped.get(0));
            wrapped.subList(1, wrapped.size()).forEach(more -> out.println("    " + more));
        }
        out.flush();
        return 0;
    }

    /** {@code activation acme.x: hyperparameters() of acme.X (from …) threw IllegalStateException: … .} */
    private static String failure(String name, PluginOrigin origin, String method, Throwable e) {
        return name + ": " + method + " of " + origin + " threw " + RootCause.describe(e)
                + ". The plugin is listed but fails where it is used: fix it or remove its jar.";
    }

    private static String describe(Hyperparameters hyperparameters) {
        if (hyperparameters.isEmpty()) {
            return "-";
        }
        return hyperparameters.asMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /**
     * A plugin's settings, one row each: name, default, accepted values and help; for a plugin that
     * declares none, the values it reports, marked as not declared.
     */
    static List<String[]> settingRows(Settings settings) {
        List<String[]> rows = new ArrayList<>();
        for (Setting setting : settings.list()) {
            rows.add(new String[] {"  " + setting.name(), String.valueOf(setting.defaultValue()),
                settings.isDeclared() ? setting.allowed() : UNDECLARED,
                setting.help().isEmpty() ? "-" : setting.help()});
        }
        return rows;
    }

    /** Aligned columns, fitting {@link #WIDTH} unless {@code --wide}; a blank line between kinds. */
    private void print(PrintWriter out, List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(wide ? HEADER : NARROW_HEADER);
        String previousKind = null;
        for (String[] row : rows) {
            if (previousKind != null && !previousKind.equals(row[0])) {
                all.add(new String[] {""});
            }
            previousKind = row[0];
            all.add(row);
        }
        new TextTable(all).lines(wide ? Integer.MAX_VALUE : WIDTH, Set.of(2)).forEach(out::println);
    }

    /** Each plugin with settings ({@code kind id}) above its settings, the columns aligned across all. */
    private void printSettings(PrintWriter out, Map<String, List<String[]>> byPlugin) {
        List<String[]> all = new ArrayList<>();
        all.add(SETTINGS_HEADER);
        byPlugin.forEach((plugin, rows) -> {
            all.add(new String[] {plugin});
            all.addAll(rows);
        });
        new TextTable(all).lines(wide ? Integer.MAX_VALUE : WIDTH, Set.of(2, 3)).forEach(out::println);
    }

    /**
     * The jar's or folder's name, without the path, and for a Maven artifact without its version:
     * {@code nn-activations} for {@code file:/.../nn-activations-0.1.0-SNAPSHOT.jar}, {@code acme.jar}.
     */
    static String shortLocation(String location) {
        String trimmed = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        Matcher artifact = VERSIONED_JAR.matcher(name);
        return artifact.matches() ? artifact.group(1) : name;
    }
}
