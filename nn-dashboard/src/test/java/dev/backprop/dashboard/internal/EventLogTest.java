package dev.backprop.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventLogTest {

    @Test
    void awaitAfter_givesTheEventsAfterTheId_inOrder() throws Exception {
        EventLog log = new EventLog(8, 100);
        for (int i = 1; i <= 5; i++) {
            log.append("epoch", "{\"epoch\":" + i + "}");
        }
        EventLog.Replay replay = log.awaitAfter(2, 0);
        assertFalse(replay.missed());
        assertEquals(List.of(3L, 4L, 5L), replay.events().stream().map(EventLog.Event::id).toList());
        assertEquals("{\"epoch\":3}", replay.events().get(0).data());
    }

    @Test
    void awaitAfter_anIdNoLongerKept_isMissed() throws Exception {
        EventLog log = new EventLog(4, 100);
        for (int i = 1; i <= 10; i++) {
            log.append("batches", "{}");
        }
        assertTrue(log.awaitAfter(2, 0).missed(), "events 3 to 6 were dropped from a log of 4");
        assertFalse(log.awaitAfter(6, 0).missed(), "events 7 to 10 are kept");
        assertEquals(4, log.awaitAfter(6, 0).events().size());
    }

    @Test
    void awaitAfter_anIdNeverGiven_isMissed() throws Exception {
        EventLog log = new EventLog(4, 100);
        log.append("batches", "{}");
        EventLog.Replay replay = log.awaitAfter(7, 0);
        assertTrue(replay.missed());
        assertEquals(1, replay.lastId());
    }

    @Test
    void awaitAfter_waitsForTheNextEvent() throws Exception {
        EventLog log = new EventLog(4, 100);
        CompletableFuture<EventLog.Replay> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return log.awaitAfter(0, 10_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        assertFalse(waiting.isDone(), "nothing logged yet");
        log.append("status", "{}");
        assertEquals(1, waiting.get(5, TimeUnit.SECONDS).events().size());
    }

    @Test
    void close_endsTheWait() throws Exception {
        EventLog log = new EventLog(4, 100);
        CompletableFuture<EventLog.Replay> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return log.awaitAfter(0, 60_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        log.close();
        assertTrue(waiting.get(5, TimeUnit.SECONDS).closed());
    }

    @Test
    void awaitAfter_returnsAtMostMaxPerReplay() throws Exception {
        EventLog log = new EventLog(16, 3);
        for (int i = 0; i < 10; i++) {
            log.append("batches", "{}");
        }
        assertEquals(3, log.awaitAfter(0, 0).events().size());
    }
}
