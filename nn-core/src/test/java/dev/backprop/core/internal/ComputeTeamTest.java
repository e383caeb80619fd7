package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
