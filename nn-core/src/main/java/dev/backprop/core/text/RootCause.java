package dev.backprop.core.text;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a failure comes down to, on one short line: the innermost cause of a chain of exceptions and its
 * class and message ({@code "IllegalStateException: boom"}), for the one-line errors that name a failing
 * plugin or file. Stateless.
 */
public final class RootCause {

    /** The most characters of a message kept, so that the line stays readable. */
    public static final int MESSAGE_LIMIT = 160;

    private RootCause() {
    }

    /** The innermost cause of {@code failure} (itself when it has none); stops at a cycle. */
    public static Throwable of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        Throwable current = failure;
        while (current.getCause() != null && seen.put(current, Boolean.TRUE) == null) {
            current = current.getCause();
        }
        return current;
    }

    /** {@link #line} of the {@linkplain #of root cause}. */
    public static String describe(Throwable failure) {
        return line(of(failure));
    }

    /**
     * {@code "IllegalStateException: boom"}: {@code failure}'s simple class name (its full name for an
     * anonymous class) and message, on one line, the message cut at {@value #MESSAGE_LIMIT} characters.
     */
    public static String line(Throwable failure) {
        String name = failure.getClass().getSimpleName().isEmpty() ? failure.getClass().getName()
                : failure.getClass().getSimpleName();
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return name;
        }
        String oneLine = message.replaceAll("\\s+", " ").strip();
        return name + ": " + (oneLine.length() > MESSAGE_LIMIT ? oneLine.substring(0, MESSAGE_LIMIT) + "…" : oneLine);
    }
}
