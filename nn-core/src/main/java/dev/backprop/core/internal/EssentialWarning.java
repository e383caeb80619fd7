package dev.backprop.core.internal;

import java.io.PrintStream;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * A warning that must reach someone even when the application bound no logging backend. It goes
 * through SLF4J as usual; but when no SLF4J provider is bound, SLF4J falls back to its no-operation
 * logger and would swallow it, so then, and only then, it is written as one line to standard error.
 * The one place in Backprop's libraries that may write to a standard stream. Stateless.
 */
final class EssentialWarning {

    private EssentialWarning() {
    }

    /**
     * Warns {@code message} through the logger of {@code source}, or, when SLF4J has no provider, as the
     * line {@code WARN <source class> - <message>} on standard error.
     */
    static void warn(Class<?> source, String message) {
        warn(LoggerFactory.getLogger(source), source.getName(), message, LoggerFactory.getILoggerFactory(),
                System.err);
    }

    /**
     * As {@link #warn(Class, String)}, with the logger, the factory and the stream given (the seam tests use).
     *
     * @param source  the name the line on standard error gives (the no-operation logger has none of its own)
     * @param factory the factory SLF4J bound ({@code LoggerFactory.getILoggerFactory()})
     * @param stderr  where the line goes when {@code factory} is SLF4J's no-operation fallback
     */
    static void warn(Logger log, String source, String message, ILoggerFactory factory, PrintStream stderr) {
        if (factory instanceof NOPLoggerFactory) {
            stderr.println("WARN " + source + " - " + message);
            stderr.flush();
        } else {
            log.warn(message);
        }
    }
}
