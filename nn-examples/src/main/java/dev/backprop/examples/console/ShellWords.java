package dev.backprop.examples.console;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A command line to print for the user to copy: each word as the shell needs it, in single quotes
 * when it holds anything but letters, digits and {@code _./:=,+-@%}. Stateless.
 */
public final class ShellWords {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+@%-]+");

    private ShellWords() {
    }

    /** The words joined by spaces, each quoted if it needs to be. */
    public static String join(List<String> words) {
        return words.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
    }

    /** {@code word} as the shell reads it back unchanged. */
    public static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
