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
     * Products get one share per this many multiply-adds (about 2.1 million: 40 to 100 µs of one core),
     * at most one per thread: a smaller share would not pay for its hand-off and its duplicated packing,
     * and on a busy machine a worker that loses its processor half-way costs more than such a share
     * saves. So C1's {@code 32×784×100} products (2.5 million) run on one thread, C2's
     * {@code 128×256×128} (4.2 million) and {@code 128×784×256} on two. Measured in alternating rounds on
     * an AVX-512 host: C2 0.487 s/epoch against 0.512 with 2^22 (which kept the 128×256×128 products on
     * one thread), 0.61 against 0.62 with one core taken by a busy loop. (On an AVX2 host, under the
     * compute team's earlier back-off rule, 2^21 had measured slower: 0.80× numpy against 0.96×, in rounds
     * ten minutes apart.)
     */
    long MULTIPLY_ADDS_PER_SHARE = 1L << 21;
    /**
     * Element-wise passes (activations, the update) get one share per this many values (65,536: tens of
     * microseconds of one core), at most one per thread. A network whose every phase is below these
     * sizes (C1, 784-100-10 at batch 32) runs on the caller alone whatever the thread count, so its
     * workers sleep instead of competing with it for a processor.
     */
    long ELEMENTS_PER_SHARE = 1L << 16;

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
