package dev.backprop.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxTest {

    /** A chunk of {@code count} batches numbered from {@code first}. */
    private static BatchChunk chunk(int first, int count) {
        BatchChunk chunk = new BatchChunk(count);
        for (int i = 0; i < count; i++) {
            chunk.add(1, first + i, 100, 8, 0.5, 0.01, first + i);
        }
        return chunk;
    }

    private static int firstBatch(Message message) {
        return ((Message.Batches) message).chunk().get(0).batch();
    }

    @Test
    void full_dropsBatchesAndCountsThem_butKeepsEveryOtherMessage() {
        Inbox inbox = new Inbox(5);
        inbox.offerBatches(chunk(1, 2));
        inbox.offerBatches(chunk(3, 2));
        inbox.offerBatches(chunk(5, 2));   // 6 would wait: dropped
        inbox.post(new Message.StatusChanged("stopping", null));
        List<Message> taken = new ArrayList<>();
        assertEquals(3, inbox.drainTo(taken));
        assertEquals(2, inbox.droppedBatches());
        assertEquals(List.of(1, 3), List.of(firstBatch(taken.get(0)), firstBatch(taken.get(1))));
        assertInstanceOf(Message.StatusChanged.class, taken.get(2));
    }

    @Test
    void drain_freesRoomForMoreBatches_inOrder() {
        Inbox inbox = new Inbox(4);
        inbox.offerBatches(chunk(1, 4));
        inbox.drainTo(new ArrayList<>());
        inbox.offerBatches(chunk(5, 2));
        inbox.post(new Message.Diagram("<svg/>"));
        inbox.offerBatches(chunk(7, 2));
        List<Message> taken = new ArrayList<>();
        inbox.drainTo(taken);
        assertEquals(0, inbox.droppedBatches());
        assertEquals(5, firstBatch(taken.get(0)));
        assertInstanceOf(Message.Diagram.class, taken.get(1));
        assertEquals(7, firstBatch(taken.get(2)));
    }

    @Test
    void closed_ignoresOffers() {
        Inbox inbox = new Inbox(2);
        inbox.close();
        inbox.offerBatches(chunk(1, 1));
        inbox.post(new Message.Diagram("<svg/>"));
        assertEquals(0, inbox.drainTo(new ArrayList<>()));
    }

    @Test
    void chunk_keepsEachBatchsFigures() {
        BatchChunk chunk = new BatchChunk(2);
        assertEquals(false, chunk.add(3, 7, 9, 16, 0.25, 0.1, 42));
        Message.BatchDone batch = chunk.get(0);
        assertEquals(new Message.BatchDone(3, 7, 9, 16, 0.25, 0.1, 42), batch);
        assertEquals(3 - 1 + 7 / 9.0, batch.x(), 1e-12);
        assertEquals(true, chunk.add(3, 8, 9, 16, 0.2, 0.1, 43), "full at 2");
    }
}
