package dev.backprop.core.internal;

import dev.backprop.api.BackpropException;
import dev.backprop.api.InvalidConfigurationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A persistent team of threads that runs one {@link PartTask} at a time, cut into as many shares as
 * the team has threads: the calling thread runs share 0, each worker one of the others, and
 * {@link #run} returns when all are done.
 *
 * <p>Handing work to a parked thread costs tens of microseconds on a virtual machine, more than a
 * small matrix product, so workers spin (with {@link Thread#onSpinWait()}) for a couple of
 * milliseconds after each task and park only when idle longer; a training step's many short tasks
 * therefore meet hot workers. Spinning is used only when the team is no larger than the number of
 * processors. One caller at a time; {@link #close()} stops the workers.
 */
public final class ComputeTeam implements AutoCloseable {

    private static final long SPIN_NANOS = 2_000_000L;

    /** {@link #maxThreads()} allows this many threads per available processor... */
    public static final int THREADS_PER_PROCESSOR = 4;

    /** ...and never fewer than this many threads in all. */
    public static final int MIN_THREAD_LIMIT = 8;

    private final Worker[] workers;
    private final boolean spin;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile PartTask task;
    private volatile long generation;
    private volatile Throwable failure;
    private volatile boolean closed;

    /**
     * A team of {@code threads} threads in all (the caller counts as one).
     *
     * @throws IllegalArgumentException      if {@code threads} is below 1
     * @throws InvalidConfigurationException if {@code threads} is above {@link #maxThreads()}
     */
    public ComputeTeam(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("A compute team needs at least 1 thread, was asked for " + threads);
        }
        requireThreads(threads);
        this.spin = threads <= Runtime.getRuntime().availableProcessors();
        this.workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
            workers[i].start();
        }
    }

    /**
     * The most threads one team may have on this machine: {@value #THREADS_PER_PROCESSOR} per available
     * processor, and never fewer than {@value #MIN_THREAD_LIMIT}. More would only make every step slower
     * (and a hostile count would exhaust the machine); the results do not depend on the count.
     */
    public static int maxThreads() {
        return Math.max(MIN_THREAD_LIMIT, THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors());
    }

    /**
     * Refuses {@code threads} above {@link #maxThreads()}, before any thread or buffer exists.
     *
     * @throws InvalidConfigurationException saying what was asked, the limit, the processor count and the fix
     */
    public static void requireThreads(int threads) {
        if (threads > maxThreads()) {
            throw new InvalidConfigurationException(tooManyThreads(threads));
        }
    }

    /** The one-line message for a thread count above {@link #maxThreads()}. */
    public static String tooManyThreads(int threads) {
        int processors = Runtime.getRuntime().availableProcessors();
        return "Asked for " + threads + " threads per step but this machine allows at most " + maxThreads() + " ("
                + THREADS_PER_PROCESSOR + " per available processor, " + processors + " here, and at least "
                + MIN_THREAD_LIMIT + "): use at most " + maxThreads() + ", usually " + processors
                + " (one per processor); the results are the same for any count.";
    }

    /** The number of threads, caller included: the {@code parts} every task is cut into. */
    public int size() {
        return workers.length + 1;
    }

    /**
     * Runs every share of {@code work} and waits for all of them. An exception thrown by any share is
     * rethrown here (unchecked exceptions as they are).
     */
    public void run(PartTask work) {
        if (closed) {
            throw new IllegalStateException("This compute team was closed (its workspace was closed): create a new"
                    + " workspace to run more steps.");
        }
        int parts = size();
        if (parts == 1) {
            work.run(0, 1);
            return;
        }
        failure = null;
        task = work;
        pending.set(parts - 1);
        generation = generation + 1;
        for (Worker worker : workers) {
            if (worker.parked) {
                LockSupport.unpark(worker);
            }
        }
        Throwable own = null;
        try {
            work.run(0, parts);
        } catch (Throwable e) {
            own = e;
        }
        while (pending.get() != 0) {
            if (spin) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        rethrow(own != null ? own : failure);
    }

    private static void rethrow(Throwable problem) {
        if (problem == null) {
            return;
        }
        if (problem instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (problem instanceof Error error) {
            throw error;
        }
        throw new BackpropException("A compute thread failed: " + problem, problem);
    }

    /** Stops the workers; the team cannot run tasks afterwards. */
    @Override
    public void close() {
        closed = true;
        for (Worker worker : workers) {
            LockSupport.unpark(worker);
        }
    }

    private final class Worker extends Thread {
        private final int part;
        private volatile boolean parked;

        Worker(int part) {
            super("backprop-compute-" + part);
            this.part = part;
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            long idleSince = System.nanoTime();
            while (!closed) {
                long current = generation;
                if (current != seen) {
                    seen = current;
                    try {
                        task.run(part, size());
                    } catch (Throwable e) {
                        failure = e;
                    }
                    pending.decrementAndGet();
                    idleSince = System.nanoTime();
                } else if (spin && System.nanoTime() - idleSince < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;
                    if (generation == seen && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
