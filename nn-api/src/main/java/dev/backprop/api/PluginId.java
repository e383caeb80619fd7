package dev.backprop.api;

import java.util.regex.Pattern;

/**
 * The name a plugin is found by: lower-case words joined by underscores, optionally namespaced with
 * dots, matching {@code [a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*}.
 *
 * <p>Bare ids ({@code relu}, {@code adam}, {@code mse}) are reserved for Backprop's built-ins; third
 * parties use a dotted namespace ({@code acme.swish}). Immutable and thread-safe.
 *
 * @param value the id text, already validated
 */
public record PluginId(String value) implements Comparable<PluginId> {

    private static final Pattern FORMAT = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    /** Validates the id format. */
    public PluginId {
        if (value == null) {
            throw new InvalidPluginException("A plugin id is required but was null: give a lower-case id such as 'relu' or 'acme.swish'.");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidPluginException("Plugin id '" + value + "' is not valid: expected lower-case words of"
                    + " [a-z0-9_] starting with a letter, optionally namespaced with dots (pattern "
                    + FORMAT.pattern() + "), for example 'relu' or 'acme.swish'.");
        }
    }

    /** Parses and validates {@code value}. */
    public static PluginId of(String value) {
        return new PluginId(value);
    }

    /** True for a bare id without a namespace, the form reserved for Backprop's built-ins. */
    public boolean isBuiltInNamespace() {
        return value.indexOf('.') < 0;
    }

    @Override
    public int compareTo(PluginId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
