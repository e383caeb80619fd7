package dev.backprop.examples.options;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * Which options were typed on the command line, as opposed to filled in from the defaults: a preset
 * ({@code mnist --preset}) or a configuration ({@code bench --config}) gives way to these only.
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

    /** {@code value} if the option {@code name} was given, else {@code null}. */
    public <T> T orNull(String name, T value) {
        return or(name, value, null);
    }
}
