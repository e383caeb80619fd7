package dev.backprop.dashboard.internal;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hand-off from the training thread to the server: a lock-free queue that never blocks the caller.
 * Batch reports are bounded: when {@code capacity} of them wait (the server has fallen far behind), a new
 * one is dropped and counted instead of queued. Every other message is kept (they come once per epoch or
 * every few seconds). Messages are taken in the order they were offered. After {@link #close()} offers are
 * ignored.
 */
public final class Inbox {

    private final Queue<Message> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingBatches = new AtomicInteger();
    private final AtomicLong droppedBatches = new AtomicLong();
    private final int capacity;
    private volatile boolean closed;

    /** @param capacity the batch reports that may wait at once */
    public Inbox(int capacity) {
        this.capacity = capacity;
    }

    /** Queues a batch report, or drops it (counted) when {@code capacity} already wait. Never blocks. */
    public void offerBatch(Message.BatchDone batch) {
        if (closed) {
            return;
        }
        if (pendingBatches.get() >= capacity) {
            droppedBatches.incrementAndGet();
            return;
        }
        pendingBatches.incrementAndGet();
        queue.offer(batch);
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
            if (message instanceof Message.BatchDone) {
                pendingBatches.decrementAndGet();
            }
            into.add(message);
            count++;
        }
        return count;
    }

    /** Batch reports dropped so far because too many waited. */
    public long droppedBatches() {
        return droppedBatches.get();
    }

    /** Ignores later offers. */
    public void close() {
        closed = true;
    }
}
