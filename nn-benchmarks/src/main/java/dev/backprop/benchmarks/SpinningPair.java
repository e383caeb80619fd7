package dev.backprop.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two threads running the two shares of a kernel call: the caller runs share 0, a helper thread started
 * once runs share 1. The helper spins (never parks) waiting for work, so a hand-off costs about a
 * microsecond rather than the tens of microseconds of waking a parked thread. Meant for benchmarks: it
 * keeps a core busy until {@link #close()}.
 */
final class SpinningPair implements AutoCloseable {

    private final AtomicInteger requested = new AtomicInteger();
    private final Thread helper;
    private volatile int finished;
    private volatile Share work;
    private volatile boolean closed;

    SpinningPair() {
        helper = new Thread(this::serve, "kernel-benchmark-helper");
        helper.setDaemon(true);
        helper.start();
    }

    /** Runs share 0 here and share 1 on the helper, and returns when both are done. */
    void run(Share share) {
        work = share;
        int ticket = requested.incrementAndGet();
        share.run(0, 2);
        while (finished != ticket) {
            Thread.onSpinWait();
        }
    }

    private void serve() {
        int seen = 0;
        while (!closed) {
            int ticket = requested.get();
            if (ticket != seen) {
                seen = ticket;
                work.run(1, 2);
                finished = ticket;
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** Stops the helper and waits for it. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        helper.join();
    }
}
