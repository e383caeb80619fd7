package dev.backprop.io.testing;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes the current thread allocates while running a piece of code, through
 * {@link com.sun.management.ThreadMXBean#getCurrentThreadAllocatedBytes()} (HotSpot counts every
 * allocation of the thread, including arrays that are garbage by the time the code returns).
 */
public final class Allocations {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Code under measurement, which may throw anything. */
    @FunctionalInterface
    public interface Action {
        void run() throws Throwable;
    }

    /** What {@link #measure} saw: the bytes allocated and what the code threw (null when it returned). */
    public record Measured(long bytes, Throwable thrown) {
    }

    private Allocations() {
    }

    /** Runs {@code action} on this thread and returns the bytes it allocated and what it threw. */
    public static Measured measure(Action action) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        Throwable thrown = null;
        try {
            action.run();
        } catch (Throwable t) {
            thrown = t;
        }
        return new Measured(THREADS.getCurrentThreadAllocatedBytes() - before, thrown);
    }
}
