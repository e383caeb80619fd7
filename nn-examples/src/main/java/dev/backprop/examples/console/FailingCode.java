package dev.backprop.examples.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the code that failed: the first frame of a {@link Throwable}'s chain that is neither Backprop's
 * nor the platform's (a plugin's, usually), and names it in a few words. What the failure comes down
 * to is {@link dev.backprop.core.text.RootCause}'s to say.
 */
public final class FailingCode {

    private static final List<String> INFRASTRUCTURE = List.of("java.", "javax.", "jdk.", "sun.", "com.sun.",
            "dev.backprop.", "picocli.", "com.google.inject.", "com.google.common.", "org.slf4j.", "ch.qos.logback.",
            "org.junit.", "org.apache.maven.");

    private FailingCode() {
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
}
