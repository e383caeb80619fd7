package dev.backprop.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboxTest {

    private static Message.BatchDone batch(int number) {
        return new Message.BatchDone(1, number, 100, 8, 0.5, 0.01, number);
    }

    @Test
    void full_dropsBatchesAndCountsThem_butKeepsEveryOtherMessage() {
        Inbox inbox = new Inbox(3);
        for (int i = 1; i <= 5; i++) {
            inbox.offerBatch(batch(i));
        }
        inbox.post(new Message.StatusChanged("stopping", null));
        List<Message> taken = new ArrayList<>();
        assertEquals(4, inbox.drainTo(taken));
        assertEquals(2, inbox.droppedBatches());
        assertInstanceOf(Message.StatusChanged.class, taken.get(3));
    }

    @Test
    void drain_freesRoomForMoreBatches_inOrder() {
        Inbox inbox = new Inbox(2);
        inbox.offerBatch(batch(1));
        inbox.offerBatch(batch(2));
        inbox.drainTo(new ArrayList<>());
        inbox.offerBatch(batch(3));
        inbox.post(new Message.Diagram("<svg/>"));
        inbox.offerBatch(batch(4));
        List<Message> taken = new ArrayList<>();
        inbox.drainTo(taken);
        assertEquals(0, inbox.droppedBatches());
        assertEquals(3, ((Message.BatchDone) taken.get(0)).batch());
        assertInstanceOf(Message.Diagram.class, taken.get(1));
        assertEquals(4, ((Message.BatchDone) taken.get(2)).batch());
    }

    @Test
    void closed_ignoresOffers() {
        Inbox inbox = new Inbox(2);
        inbox.close();
        inbox.offerBatch(batch(1));
        inbox.post(new Message.Diagram("<svg/>"));
        assertEquals(0, inbox.drainTo(new ArrayList<>()));
    }
}
