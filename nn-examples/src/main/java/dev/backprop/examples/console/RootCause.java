package dev.backprop.examples.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Says in one short line what a {@link Throwable} comes down to: its root cause's class and message, and
 * the first frame of code that is neither Backprop's nor the platform's (a plugin's, usually): the code
 * that failed.
 */
public final class RootCause {

    /** The most characters of a message kept, so that the line stays readable. */
    static final int MESSAGE_LIMIT = 160;

    private static final List<String> INFRASTRUCTURE = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "dev.backprop.", "picocli.", "com.google.inject.", "com.google.common.", "org.slf4j.", "ch.qos.logback.",
            "org.junit.", "org.apache.maven.");

    private RootCause() {
    }

    /** The innermost cause (the thrown one when it has none). */
    public static Throwable of(Throwable thrown) {
        Throwable root = thrown;
        List<Throwable> seen = new ArrayList<>();
        while (root.getCause() != null && !seen.contains(root.getCause())) {
            seen.add(root);
            root = root.getCause();
        }
        return root;
    }

    /** {@code IllegalStateException: broken on purpose}: the root cause's simple class name and message, on one line. */
    public static String describe(Throwable thrown) {
        Throwable root = of(thrown);
        String message = root.getMessage() == null ? "" : oneLine(root.getMessage());
        if (message.length() > MESSAGE_LIMIT) {
            message = message.substring(0, MESSAGE_LIMIT) + "…";
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /**
     * The first frame, from the root cause outwards, of a class outside Backprop, the JDK and the libraries
     * the command line runs on, or null when every frame is theirs.
     */
    public static StackTraceElement culprit(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(0, t);
        }
        for (Throwable t : chain) {
            for (StackTraceElement frame : t.getStackTrace()) {
                if (INFRASTRUCTURE.stream().noneMatch(frame.getClassName()::startsWith)) {
                    return frame;
                }
            }
        }
        return null;
    }

    /** {@code org.acme.Cube.value (Cube.java:12)}, or {@code the static initialiser of org.acme.Cube (…)}. */
    public static String where(StackTraceElement frame) {
        String method = frame.getMethodName().equals("<clinit>") ? "the static initialiser of " + frame.getClassName()
                : frame.getMethodName().equals("<init>") ? "the constructor of " + frame.getClassName()
                : frame.getClassName() + "." + frame.getMethodName();
        String file = frame.getFileName() == null ? "" : " (" + frame.getFileName()
                + (frame.getLineNumber() > 0 ? ":" + frame.getLineNumber() : "") + ")";
        String loader = frame.getClassLoaderName();
        String jar = loader != null && loader.startsWith("backprop-plugin:")
                ? " in plugin jar " + loader.substring("backprop-plugin:".length()) : "";
        return method + file + jar;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
