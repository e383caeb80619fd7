package dev.backprop.examples.options;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A command's defaults for its options, by long name ({@code --epochs} to {@code "3000"}): the shared
 * options of this package are declared once, and each command that mixes them in gives them its own
 * defaults with {@code @Command(defaultValueProvider = ...)} and a subclass of this one. The usage help
 * shows them ({@code showDefaultValues = true}); an option it does not name keeps its annotation's
 * default, or none.
 */
public abstract class OptionDefaults implements IDefaultValueProvider {

    private final Map<String, String> values;

    /** @param values default values, as typed on a command line, keyed by the options' long names */
    protected OptionDefaults(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        return argument instanceof OptionSpec option ? values.get(option.longestName()) : null;
    }

    /** {@code relative} inside the Backprop folder (system property {@code backprop.home}, else the working folder). */
    protected static String inHome(String relative) {
        return Path.of(System.getProperty("backprop.home", ".")).resolve(relative).toString();
    }

    /** The number of processors, as a default thread count. */
    protected static String processors() {
        return String.valueOf(Runtime.getRuntime().availableProcessors());
    }
}
