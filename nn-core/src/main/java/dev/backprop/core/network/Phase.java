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

    /**
     * Products get one share per this many multiply-adds (about 30 µs of one core), at most one per
     * thread: a smaller share would not pay for its hand-off and its duplicated packing.
     */
    long MULTIPLY_ADDS_PER_SHARE = 1L << 20;
    /** Element-wise passes get one share per this many values, at most one per thread. */
    long ELEMENTS_PER_SHARE = 4096;

    /**
     * Into how many shares to cut the phase on a batch of {@code rows} examples when {@code threads}
     * threads are there to run them: 1 (the calling thread alone) for a phase too small to pay for a
     * hand-off, at most {@code threads}. The shares are claimed by whichever thread is free, so a thread
     * that has lost its processor delays only a share it has already started.
     */
    int shares(int rows, int threads);

    /** {@code work / perShare} shares, at least 1 and at most {@code threads}. */
    static int sharesOf(long work, long perShare, int threads) {
        return (int) Math.max(1, Math.min(threads, work / perShare));
    }

    /**
     * What to throw when a share of this phase threw {@code failure}, which is not a
     * {@link dev.backprop.api.BackpropException}: phases that call a plugin name it
     * ({@link dev.backprop.api.PluginFailedException}); the others pass the failure on.
     */
    default RuntimeException failed(RuntimeException failure) {
        return failure;
    }
}
