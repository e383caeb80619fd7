package dev.backprop.core.plugin;

import dev.backprop.core.text.RootCause;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Explains in a few words why plugin code failed, from the root of a chain of causes: a static
 * initialiser that threw, a class that failed to initialise earlier, a missing dependency, or the
 * exception a method threw ({@code "its static initialiser threw IllegalStateException: boom"}).
 * Always one line.
 */
final class FailureCause {

    private FailureCause() {
    }

    /**
     * Why {@code failure} happened, where {@code action} names what was running when it is none of the
     * class-loading failures ({@code "its constructor"}, {@code "its id()"}).
     */
    static String explain(Throwable failure, String action) {
        Throwable root = root(failure);
        if (initialisedBefore(failure)) {
            return "its static initialiser failed earlier (" + describe(root) + ")";
        }
        if (contains(failure, ExceptionInInitializerError.class)) {
            return "its static initialiser threw " + describe(root);
        }
        if (root instanceof NoClassDefFoundError || root instanceof ClassNotFoundException) {
            return "a class it needs is missing (" + describe(root) + "): add the jar that provides it";
        }
        if (root instanceof LinkageError) {
            return "it does not link against this Backprop (" + describe(root) + "): use a build made for this version";
        }
        return action + " threw " + describe(root);
    }

    /** The innermost cause (see {@link RootCause#of}). */
    static Throwable root(Throwable failure) {
        return RootCause.of(failure);
    }

    /** {@code "IllegalStateException: boom"} for {@code failure} itself (see {@link RootCause#line}). */
    static String describe(Throwable failure) {
        return RootCause.line(failure);
    }

    /** Errors no plugin problem should hide: the JVM itself is in trouble. */
    static boolean isFatal(Throwable failure) {
        return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
    }

    /**
     * Whether the chain holds the {@code NoClassDefFoundError} of a class whose initialiser failed on an
     * earlier attempt (its cause, when the JDK keeps one, is a summary of the first failure).
     */
    private static boolean initialisedBefore(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError && String.valueOf(t.getMessage()).startsWith("Could not initialize")) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(Throwable failure, Class<? extends Throwable> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
