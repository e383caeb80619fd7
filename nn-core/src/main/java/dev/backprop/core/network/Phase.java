package dev.backprop.core.network;

import dev.backprop.core.internal.PartTask;

/**
 * One phase of a pass over a batch: work cut into disjoint shares ({@link #run(int, int)}), which the
 * threads of a compute team run at once; between two phases the team's {@code run} is the barrier.
 * Each phase is made once, when its workspace is, with the buffers it reads and writes as its
 * (record) components, so running a pass allocates nothing. Kernels give bit-identical results for any number of
 * shares, so whether a phase is shared changes only its speed.
 */
interface Phase extends PartTask {

    /** Products below this many multiply-adds run on the calling thread alone (a hand-off costs about a microsecond). */
    long MIN_SHARED_MULTIPLY_ADDS = 1L << 20;
    /** Element-wise passes below this many values run on the calling thread alone. */
    long MIN_SHARED_ELEMENTS = 2048;

    /** Whether the phase, on a batch of {@code rows} examples, is big enough to pay for handing out shares. */
    boolean worthSharing(int rows);

    /**
     * What to throw when a share of this phase threw {@code failure}, which is not a
     * {@link dev.backprop.api.BackpropException}: phases that call a plugin name it
     * ({@link dev.backprop.api.PluginFailedException}); the others pass the failure on.
     */
    default RuntimeException failed(RuntimeException failure) {
        return failure;
    }

    /**
     * Two phases that touch disjoint arrays, run in one hand-off: each thread does its share of the
     * first, then its share of the second. Shared when either is worth sharing.
     */
    record Together(Phase first, Phase second) implements Phase {

        @Override
        public boolean worthSharing(int rows) {
            return first.worthSharing(rows) || second.worthSharing(rows);
        }

        @Override
        public void run(int part, int parts) {
            first.run(part, parts);
            second.run(part, parts);
        }

        @Override
        public RuntimeException failed(RuntimeException failure) {
            return second.failed(failure);
        }
    }
}
