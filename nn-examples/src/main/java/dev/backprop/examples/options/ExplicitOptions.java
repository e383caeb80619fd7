package dev.backprop.examples.options;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Which options were typed on the command line, as opposed to filled in from the defaults: a preset
 * ({@code mnist --preset}, {@code bench --peer-config}) or a run configuration file ({@code --config FILE})
 * gives way to these only.
 */
public final class ExplicitOptions {

    private final ParseResult parsed;

    private ExplicitOptions(ParseResult parsed) {
        this.parsed = parsed;
    }

    /** The options given to {@code command} in the command line being run. */
    public static ExplicitOptions of(CommandSpec command) {
        return new ExplicitOptions(command.commandLine().getParseResult());
    }

    /** Whether the option named {@code name} (such as {@code --epochs}) was given. */
    public boolean given(String name) {
        return parsed.hasMatchedOption(name);
    }

    /** {@code value} if the option {@code name} was given, else {@code fallback}. */
    public <T> T or(String name, T value, T fallback) {
        return given(name) ? value : fallback;
    }

    /**
     * Each of the options {@code names} that was given, followed by its values as typed, in the order of
     * {@code names}: {@code ["--data", "x", "--limit", "600"]}. For repeating a command line in a hint.
     */
    public List<String> typed(List<String> names) {
        List<String> words = new ArrayList<>();
        for (String name : names) {
            OptionSpec option = parsed.matchedOption(name);
            if (option == null) {
                continue;
            }
            if (option.arity().max() == 0) {
                words.add(name);
            } else {
                option.originalStringValues().forEach(value -> {
                    words.add(name);
                    words.add(value);
                });
            }
        }
        return List.copyOf(words);
    }

    /** {@code value} if the option {@code name} was given, else {@code null}. */
    public <T> T orNull(String name, T value) {
        return or(name, value, null);
    }
}
