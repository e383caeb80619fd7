package dev.backprop.core.internal;

import dev.backprop.api.BackpropException;
import dev.backprop.api.InvalidConfigurationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * A persistent team of threads that runs one {@link PartTask} at a time, cut into shares that the
 * threads claim: each thread first claims the share with its own number (the caller is 0), then any
 * share still unclaimed, and {@link #run} returns when all are done.
 *
 * <p><b>Claiming, not assigning.</b> A share belongs to whichever thread claims it first, so a worker
 * that has lost its processor (a busy machine) delays nothing it has not started: the caller runs its
 * shares, and the worker, when it runs again, finds nothing left. Which thread runs a share never
 * changes the result, since the shares themselves are fixed by the task and the share count. Claiming
 * its own share first keeps each thread on the same part of the data from task to task while all are
 * running (the rows of a weight gradient it computed, then updates, and the optimizer state of those
 * rows), so the data stays in that processor's cache.
 *
 * <p><b>Hand-off.</b> Waking a parked thread costs tens of microseconds on a virtual machine, more than
 * a small matrix product, so workers wait for the next task for a short while after each one, and park
 * only when idle longer; a training step's many short tasks therefore meet running workers. A waiting
 * thread spins for a few microseconds, then yields between checks (free on an idle machine, and it lets
 * another thread have the processor on a busy one); a caller waiting for a share that a worker is still
 * running parks after a while, until the last share is done. Waiting without parking is used only when
 * the team is no larger than the number of processors.
 *
 * <p><b>Backing off on a busy machine.</b> When a task's shares ran on more than one thread and the
 * caller then waited for a worker's share more than {@value #LOSS_FACTOR} times as long as its own shares
 * took (the worker lost its processor half-way, say), cutting that task up cost clearly more than it
 * saved. The team then runs the next tasks on the caller alone, for a number of tasks that doubles with
 * every such loss in a row (from {@value #FIRST_BACKOFF} to {@value #LAST_BACKOFF}) and halves with every
 * shared task that paid off, so on a machine where the other processors are taken, more threads are not
 * slower than one, and on an idle one nothing changes. Which thread runs a share never changes a result. One caller at a time;
 * {@link #close()} stops the workers.
 */
public final class ComputeTeam implements AutoCloseable {

    /** How long an idle worker waits for the next task before it parks. */
    private static final long WORKER_SPIN_NANOS = 500_000L;
    /** How long a waiting caller waits before it parks. */
    private static final long CALLER_SPIN_NANOS = 200_000L;
    /** How long a waiting thread spins before it yields between checks. */
    private static final long PURE_SPIN_NANOS = 10_000L;

    /** {@link #maxThreads()} allows this many threads per available processor... */
    public static final int THREADS_PER_PROCESSOR = 4;

    /** ...and never fewer than this many threads in all. */
    public static final int MIN_THREAD_LIMIT = 8;

    /** Tasks run by the caller alone after the first shared task whose wait outlasted the caller's own work. */
    static final int FIRST_BACKOFF = 8;
    /** The most tasks run by the caller alone after losses in a row. */
    static final int LAST_BACKOFF = 4096;

    /**
     * A shared task counts as a loss when the caller waited more than this many times as long as its own
     * shares took. With two threads, a wait as long as the caller's own work is the break-even (the
     * caller alone would have taken as long); on a virtual machine single tasks land there by chance, and
     * backing off for them cost C3 a quarter of its speed (3.4-3.8 against 2.6-2.7 s/epoch). Twice its own
     * work means the shared task took half as long again as the caller alone would have, which a worker
     * that has lost its processor for a time slice (milliseconds) still exceeds by far.
     */
    static final int LOSS_FACTOR = 2;

    /** A task may be cut into at most this many shares per thread of the team. */
    public static final int MAX_SHARES_PER_THREAD = 8;

    private final Worker[] workers;
    private final boolean spin;
    /**
     * The current task's number: odd while its shares are being claimed and run, even once it is done.
     * The task and its share count are written before it turns odd, so a thread that reads them between
     * two reads of the same odd number has read that task's.
     */
    private volatile long generation;
    /**
     * Per share, the number of the task that claimed it last: a share is free for task {@code n} while
     * this is below {@code n} (numbers only grow, so a thread still holding a finished task's number
     * can claim nothing).
     */
    private final AtomicLongArray claimedBy;
    private final AtomicInteger finished = new AtomicInteger();
    private volatile PartTask task;
    private volatile int shares;
    private volatile Thread waitingCaller;
    private volatile Throwable failure;
    private volatile boolean closed;
    /** Tasks run so far, and the first one that may be shared again (the caller's own: one caller at a time). */
    private long tasksRun;
    private long sharedAgainFrom;
    private int backoff = FIRST_BACKOFF;

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
        this.claimedBy = new AtomicLongArray(MAX_SHARES_PER_THREAD * threads);
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

    /** The number of threads, caller included: the {@code parts} every task is cut into by {@link #run(PartTask)}. */
    public int size() {
        return workers.length + 1;
    }

    /** Runs {@code work} cut into {@link #size()} shares, and waits for all of them. */
    public void run(PartTask work) {
        run(work, size());
    }

    /**
     * Runs every one of the {@code parts} shares of {@code work} (share {@code p} as
     * {@code work.run(p, parts)}) and waits for all of them. With one share, or a team of one thread,
     * the caller runs every share itself, in order. An exception thrown by any share is rethrown here
     * (unchecked exceptions as they are); the other shares still run.
     *
     * @throws IllegalArgumentException if {@code parts} is below 1 or above {@link #MAX_SHARES_PER_THREAD}
     *                                  times {@link #size()}
     */
    public void run(PartTask work, int parts) {
        if (closed) {
            throw new IllegalStateException("This compute team was closed (its workspace was closed): create a new"
                    + " workspace to run more steps.");
        }
        if (parts < 1 || parts > claimedBy.length()) {
            throw new IllegalArgumentException("A task is cut into 1 to " + claimedBy.length() + " shares ("
                    + MAX_SHARES_PER_THREAD + " per thread), was asked for " + parts);
        }
        tasksRun++;
        if (parts == 1 || workers.length == 0 || tasksRun < sharedAgainFrom) {
            for (int part = 0; part < parts; part++) {
                work.run(part, parts);
            }
            return;
        }
        failure = null;
        finished.set(0);
        task = work;
        shares = parts;
        long open = generation + 1;
        generation = open;
        boolean woke = false;
        for (Worker worker : workers) {
            if (worker.parked) {
                LockSupport.unpark(worker);
                woke = true;
            }
        }
        long start = System.nanoTime();
        runShares(0, open, work, parts);
        long ownDone = System.nanoTime();
        awaitShares(parts);
        if (!woke) {
            judge(ownDone - start, System.nanoTime() - ownDone);
        }
        generation = open + 1;
        task = null;
        rethrow(failure);
    }

    /**
     * After a shared task whose workers were already awake (waking a parked thread is a cost of its own,
     * paid once after idleness): when the caller waited more than {@link #LOSS_FACTOR} times as long as its
     * own shares took, the next {@link #backoff} tasks run on the caller alone and the back-off doubles;
     * otherwise it halves.
     */
    private void judge(long ownNanos, long waitNanos) {
        if (waitNanos > LOSS_FACTOR * ownNanos) {
            sharedAgainFrom = tasksRun + 1 + backoff;
            backoff = Math.min(LAST_BACKOFF, backoff * 2);
        } else {
            backoff = Math.max(FIRST_BACKOFF, backoff / 2);
        }
    }

    /** How many of the next tasks will run on the caller alone (a back-off in progress), for tests. */
    int tasksAloneAhead() {
        return (int) Math.max(0, sharedAgainFrom - tasksRun - 1);
    }

    /**
     * Claims and runs shares of task {@code open}: share {@code self} first, then every other one still
     * free, in order.
     */
    private void runShares(int self, long open, PartTask work, int parts) {
        for (int i = 0; i < parts; i++) {
            int part = (self + i) % parts;
            long last = claimedBy.get(part);
            if (last >= open || !claimedBy.compareAndSet(part, last, open)) {
                continue;   // claimed in this task, or a later one (this thread is late: its task is done)
            }
            try {
                work.run(part, parts);
            } catch (Throwable e) {
                failure = e;
            }
            if (finished.incrementAndGet() == parts) {
                Thread caller = waitingCaller;
                if (caller != null) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** Waits until all {@code parts} shares are done: spins briefly, then parks until the last one unparks it. */
    private void awaitShares(int parts) {
        if (finished.get() == parts) {
            return;
        }
        long start = System.nanoTime();
        long waited = 0;
        while (finished.get() != parts && spin && waited < CALLER_SPIN_NANOS) {
            pause(waited);
            waited = System.nanoTime() - start;
        }
        if (finished.get() == parts) {
            return;
        }
        waitingCaller = Thread.currentThread();
        while (finished.get() != parts) {
            LockSupport.park(this);
        }
        waitingCaller = null;
    }

    /**
     * One pause of a thread that has waited {@code waited} nanoseconds: a spin-wait hint at first, then
     * a yield, which costs nothing on an idle machine (the thread goes on at once) but lets another
     * thread waiting for this processor run on a busy one, where spinning would hold it for a whole slice.
     */
    private static void pause(long waited) {
        if (waited < PURE_SPIN_NANOS) {
            Thread.onSpinWait();
        } else {
            Thread.yield();
        }
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
        private final int self;
        private volatile boolean parked;

        Worker(int number) {
            super("backprop-compute-" + number);
            this.self = number;
            setDaemon(true);
        }

        @Override
        public void run() {
            long seen = 0;
            long idleSince = System.nanoTime();
            while (!closed) {
                long current = generation;
                if ((current & 1) == 1 && current != seen) {
                    PartTask work = task;
                    int parts = shares;
                    if (generation == current && work != null) {
                        runShares(self % parts, current, work, parts);
                    }
                    seen = current;
                    idleSince = System.nanoTime();
                } else if (spin && System.nanoTime() - idleSince < WORKER_SPIN_NANOS) {
                    pause(System.nanoTime() - idleSince);
                } else {
                    parked = true;
                    long now = generation;
                    if (((now & 1) == 0 || now == seen) && !closed) {
                        LockSupport.park(this);
                    }
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
