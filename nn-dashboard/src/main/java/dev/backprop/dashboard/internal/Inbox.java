package dev.backprop.dashboard.internal;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The hand-off from the training thread to the server: a lock-free queue that never blocks the caller.
 * Batch reports are bounded: when {@code capacity} of them wait (the server has fallen far behind), a new
 * chunk of them is dropped and counted instead of queued. Every other message is kept (they come once per
 * epoch or every few seconds). Messages are taken in the order they were offered. Batches are offered by
 * one thread (the training thread) and taken by one (the publisher): each side counts its own, so the
 * bound costs no shared atomic update. After {@link #close()} offers are ignored.
 */
public final class Inbox {

    private final Queue<Message> queue = new ConcurrentLinkedQueue<>();
    private final int capacity;
    /** Batches queued so far: written by the offering thread only. */
    private volatile long offeredBatches;
    /** Batches taken so far: written by the taking thread only. */
    private volatile long takenBatches;
    /** Batches dropped so far: written by the offering thread only. */
    private volatile long droppedBatches;
    private volatile boolean closed;

    /** @param capacity the batch reports that may wait at once */
    public Inbox(int capacity) {
        this.capacity = capacity;
    }

    /** Queues a chunk of batch reports, or drops it (counted) when {@code capacity} would wait. Never blocks. */
    public void offerBatches(BatchChunk chunk) {
        if (closed) {
            return;
        }
        long offered = offeredBatches;
        if (offered + chunk.size() - takenBatches > capacity) {
            droppedBatches = droppedBatches + chunk.size();
            return;
        }
        offeredBatches = offered + chunk.size();
        queue.offer(new Message.Batches(chunk));
    }

    /** Queues any other message. Never blocks. */
    public void post(Message message) {
        if (!closed) {
            queue.offer(message);
        }
    }

    /** Moves every waiting message, in order, into {@code into}; returns how many. */
    public int drainTo(List<Message> into) {
        int count = 0;
        for (Message message = queue.poll(); message != null; message = queue.poll()) {
            if (message instanceof Message.Batches batches) {
                takenBatches = takenBatches + batches.chunk().size();
            }
            into.add(message);
            count++;
        }
        return count;
    }

    /** Batch reports dropped so far because too many waited. */
    public long droppedBatches() {
        return droppedBatches;
    }

    /** Ignores later offers. */
    public void close() {
        closed = true;
    }
}
