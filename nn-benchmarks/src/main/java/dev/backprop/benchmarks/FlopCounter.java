package dev.backprop.benchmarks;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts floating-point operations ({@code 2·m·k·n} per product) so that JMH reports them as a rate next
 * to the score: with the benchmarks' time unit of nanoseconds, the {@code flop} line reads in GFLOP/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FlopCounter {

    /** Floating-point operations done in the current iteration. */
    public long flop;

    /** Starts each iteration from zero. */
    @Setup(Level.Iteration)
    public void reset() {
        flop = 0;
    }
}
