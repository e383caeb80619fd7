package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ComputeTeamTest {

    @Test
    void run_givesEveryPartExactlyOnce_overManyRounds() {
        try (ComputeTeam team = new ComputeTeam(3)) {
            AtomicIntegerArray calls = new AtomicIntegerArray(3);
            for (int round = 0; round < 10_000; round++) {
                team.run((part, parts) -> {
                    assertEquals(3, parts);
                    calls.incrementAndGet(part);
                });
            }
            for (int part = 0; part < 3; part++) {
                assertEquals(10_000, calls.get(part), "part " + part);
            }
        }
    }

    @Test
    void run_withMoreSharesThanThreads_runsEachShareExactlyOnce_overManyRounds() {
        try (ComputeTeam team = new ComputeTeam(2)) {
            for (int shares : new int[] {1, 2, 3, 7}) {
                AtomicIntegerArray calls = new AtomicIntegerArray(shares);
                for (int round = 0; round < 2_000; round++) {
                    team.run((part, parts) -> {
                        assertEquals(shares, parts);
                        calls.incrementAndGet(part);
                    }, shares);
                }
                for (int part = 0; part < shares; part++) {
                    assertEquals(2_000, calls.get(part), shares + " shares, share " + part);
                }
            }
        }
    }

    /**
     * A worker stuck in the first share it claimed (as if it had lost its processor) holds up only that
     * share: the caller claims and runs every other one. A team that assigned shares to threads would
     * leave the stuck worker's other shares undone until it was released.
     */
    @Test
    void run_whileAWorkerIsStuck_theCallerRunsTheSharesItHasNotClaimed() throws InterruptedException {
        int shares = 8;
        Thread caller = Thread.currentThread();
        AtomicInteger done = new AtomicInteger();
        CountDownLatch workerStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int[] doneWhenReleased = new int[1];
        Thread releaser = new Thread(() -> {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (done.get() < shares - 1 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                doneWhenReleased[0] = done.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                release.countDown();
            }
        });
        try (ComputeTeam team = new ComputeTeam(2)) {
            releaser.start();
            team.run((part, parts) -> {
                try {
                    if (Thread.currentThread() != caller && workerStarted.getCount() > 0) {
                        workerStarted.countDown();
                        release.await();
                    } else if (Thread.currentThread() == caller) {
                        workerStarted.await(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                done.incrementAndGet();
            }, shares);
        }
        releaser.join();
        assertEquals(shares, done.get());
        assertEquals(shares - 1, doneWhenReleased[0], "every share but the stuck one was done before the release");
    }

    /**
     * A shared task whose worker share outlasts the caller's own (as when the worker lost its processor)
     * makes the next {@link ComputeTeam#FIRST_BACKOFF} tasks run on the caller alone; the task after them
     * is shared again, and a shared task that pays off keeps the team sharing.
     */
    @Test
    void run_afterAWorkerShareOutlastedTheCallers_runsTheNextTasksOnTheCallerAlone() throws InterruptedException {
        Thread caller = Thread.currentThread();
        try (ComputeTeam team = new ComputeTeam(2)) {
            // The caller's own share takes microseconds. A task whose worker had to be woken (on a loaded
            // machine a worker may park between two tasks) is not judged: run it again then.
            for (int attempt = 0; attempt < 5 && team.tasksAloneAhead() == 0; attempt++) {
                team.run((part, parts) -> { });   // the worker is awake and waiting for tasks
                runSharedTask(team, caller, 0, 200);
            }
            assertEquals(ComputeTeam.FIRST_BACKOFF, team.tasksAloneAhead(), "tasks to run alone after the loss");
            for (int task = 0; task < ComputeTeam.FIRST_BACKOFF; task++) {
                Thread[] runners = new Thread[2];
                team.run((part, parts) -> runners[part] = Thread.currentThread());
                assertSame(caller, runners[0], "task " + task + " after the loss, share 0");
                assertSame(caller, runners[1], "task " + task + " after the loss, share 1");
            }
            Thread[] runners = runnersOfATaskThatWaitsForBothShares(team);
            assertTrue(runners[0] != runners[1], "after the back-off the task is shared again");
        }
    }

    /**
     * A worker share that ends some time after the caller's (a wait of 300 ms after 200 ms of the
     * caller's own work, as when a worker was slowed for a moment) is not a loss: the next task is shared.
     * Only a wait of more than {@link ComputeTeam#LOSS_FACTOR} times the caller's own work makes the team
     * back off. (The margins are wide so that a loaded machine's scheduling delays cannot turn either
     * test's first task into the other kind.)
     */
    @Test
    void run_afterAWorkerShareEndedSomewhatLater_keepsSharing() throws InterruptedException {
        Thread caller = Thread.currentThread();
        try (ComputeTeam team = new ComputeTeam(2)) {
            team.run((part, parts) -> { });   // the worker is awake and waiting for tasks
            runSharedTask(team, caller, 200, 500);
            assertEquals(0, team.tasksAloneAhead(), "tasks to run alone after a wait under twice the caller's work");
            Thread[] runners = runnersOfATaskThatWaitsForBothShares(team);
            assertTrue(runners[0] != runners[1], "the task after a wait under twice the caller's work is shared");
        }
    }

    /**
     * Runs a two-share task whose shares, once both have started (so the worker's share is under way),
     * sleep {@code callerMillis} on the caller and {@code workerMillis} on the worker.
     */
    private static void runSharedTask(ComputeTeam team, Thread caller, long callerMillis, long workerMillis) {
        CountDownLatch bothStarted = new CountDownLatch(2);
        team.run((part, parts) -> {
            bothStarted.countDown();
            try {
                assertTrue(bothStarted.await(10, TimeUnit.SECONDS), "both shares started");
                Thread.sleep(Thread.currentThread() == caller ? callerMillis : workerMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Runs a two-share task whose shares wait (up to 10 s) until both have started, and returns the
     * thread that ran each share: two different threads when the team shared it, the caller twice when
     * it ran it alone (the first share then waits out the 10 s).
     */
    private static Thread[] runnersOfATaskThatWaitsForBothShares(ComputeTeam team) {
        CountDownLatch bothRunning = new CountDownLatch(2);
        Thread[] runners = new Thread[2];
        team.run((part, parts) -> {
            runners[part] = Thread.currentThread();
            bothRunning.countDown();
            try {
                bothRunning.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return runners;
    }

    @Test
    void run_refusesMoreSharesThanItsLimit() {
        try (ComputeTeam team = new ComputeTeam(2)) {
            int limit = 2 * ComputeTeam.MAX_SHARES_PER_THREAD;
            AtomicInteger ran = new AtomicInteger();
            team.run((part, parts) -> ran.incrementAndGet(), limit);
            assertEquals(limit, ran.get());
            assertThrows(IllegalArgumentException.class, () -> team.run((part, parts) -> { }, limit + 1));
            assertThrows(IllegalArgumentException.class, () -> team.run((part, parts) -> { }, 0));
        }
    }

    @Test
    void run_afterWorkersParked_stillWakesThem() throws InterruptedException {
        try (ComputeTeam team = new ComputeTeam(2)) {
            int[] seen = new int[2];
            team.run((part, parts) -> seen[part]++);
            Thread.sleep(20);   // longer than the spin period: the worker parks
            team.run((part, parts) -> seen[part]++);
            assertEquals(2, seen[0]);
            assertEquals(2, seen[1]);
        }
    }

    @Test
    void run_rethrowsAWorkersException() {
        try (ComputeTeam team = new ComputeTeam(2)) {
            IllegalStateException boom = new IllegalStateException("share 1 failed");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> team.run((part, parts) -> {
                if (part == 1) {
                    throw boom;
                }
            }));
            assertSame(boom, thrown);
            int[] after = new int[2];
            team.run((part, parts) -> after[part] = 1);
            assertEquals(1, after[1], "the team keeps working after a failure");
        }
    }

    @Test
    void run_afterClose_failsInsteadOfWaiting() {
        ComputeTeam team = new ComputeTeam(2);
        team.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run((part, parts) -> { }));
        assertTrue(e.getMessage().contains("was closed"), e.getMessage());
    }

    @Test
    void singleThreadTeam_runsOnTheCaller() {
        try (ComputeTeam team = new ComputeTeam(1)) {
            Thread[] runner = new Thread[1];
            team.run((part, parts) -> runner[0] = Thread.currentThread());
            assertSame(Thread.currentThread(), runner[0]);
        }
    }
}
