package dev.backprop.examples;

import com.google.inject.ProvisionException;
import dev.backprop.api.BackpropException;
import dev.backprop.core.text.RootCause;
import dev.backprop.examples.console.FailingCode;
import dev.backprop.examples.console.IoFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ServiceConfigurationError;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;

/**
 * The one {@code error:} line and the exit status for whatever ended a command: {@link BackpropCli#BAD_INPUT}
 * (2) for bad input (a {@link BackpropException} or a file that cannot be read or written), whose message
 * already says what to fix; {@link BackpropCli#FAILURE} (3) for anything else (a plugin that threw, a
 * class that failed to initialise, an exhausted heap, a bug), named by its root cause and, when the
 * failing code is not Backprop's, by the class and method that failed.
 *
 * @param status the exit status
 * @param text   the line, starting with {@code error: }
 */
record ErrorLine(int status, String text) {

    /** The line for {@code thrown}, after unwrapping the framework wrappers around it. */
    static ErrorLine of(Throwable thrown) {
        Throwable failure = unwrapped(thrown);
        if (failure instanceof BackpropException || failure instanceof UncheckedIOException) {
            return new ErrorLine(BackpropCli.BAD_INPUT, "error: " + oneLine(failure.getMessage()));
        }
        if (failure instanceof IOException io) {
            return new ErrorLine(BackpropCli.BAD_INPUT, "error: " + IoFailure.describe(io));
        }
        if (failure instanceof OutOfMemoryError) {
            return new ErrorLine(BackpropCli.FAILURE, "error: out of memory (" + RootCause.describe(failure)
                    + "): this run needs more than the JVM's heap. Give it more (BACKPROP_JAVA_OPTS=-Xmx8g ./backprop"
                    + " ...) or make the run smaller (fewer or narrower --hidden layers, a smaller --batch or --limit).");
        }
        StackTraceElement culprit = FailingCode.culprit(failure);
        if (culprit != null) {
            return new ErrorLine(BackpropCli.FAILURE, "error: a plugin failed: " + FailingCode.where(culprit) + " threw "
                    + RootCause.describe(failure) + ". Fix that plugin or remove its jar from --plugins.");
        }
        if (failure instanceof ServiceConfigurationError || failure instanceof LinkageError) {
            return new ErrorLine(BackpropCli.FAILURE, "error: a plugin could not be loaded: "
                    + RootCause.describe(failure) + ". Fix that plugin or remove its jar from --plugins.");
        }
        StackTraceElement top = failure.getStackTrace().length == 0 ? null : failure.getStackTrace()[0];
        return new ErrorLine(BackpropCli.FAILURE, "error: unexpected " + RootCause.describe(failure)
                + (top == null ? "" : " at " + top) + ". This is a bug (in Backprop or a plugin it called): please"
                + " report it with the --debug stack trace.");
    }

    /** The failure inside picocli's, Guice's and the executors' wrappers. */
    static Throwable unwrapped(Throwable thrown) {
        Throwable failure = thrown;
        while (failure.getCause() != null && (failure instanceof ProvisionException
                || failure instanceof CommandLine.ExecutionException || failure instanceof CompletionException
                || failure instanceof ExecutionException)) {
            failure = failure.getCause();
        }
        return failure;
    }

    private static String oneLine(String message) {
        return message == null ? "(no message)" : message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
