package dev.backprop.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The last {@code capacity} events sent to the pages, numbered from 1, so that a page that reconnects
 * with the id of the last event it saw ({@code Last-Event-ID}) gets exactly the ones after it. A page
 * that asks for events no longer kept (or for an id this log never gave) is told it {@linkplain Replay#missed()
 * missed} some, and reloads the whole history instead. Each page's stream reads at its own pace: a slow
 * page never holds up the writer. Thread-safe.
 */
public final class EventLog {

    /**
     * One server-sent event.
     *
     * @param id   its number, from 1
     * @param type the event name the page listens for
     * @param data its JSON, one line
     */
    public record Event(long id, String type, String data) {
    }

    /**
     * What a page gets after waiting.
     *
     * @param events the events after the id it gave, in order (empty when none came in time)
     * @param missed whether events after that id are no longer kept (or the id is unknown): reload
     * @param lastId the id of the last event logged
     * @param closed whether the log was closed: end the stream
     */
    public record Replay(List<Event> events, boolean missed, long lastId, boolean closed) {
    }

    private final Event[] ring;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition appended = lock.newCondition();
    private final int maxPerReplay;
    private long lastId;
    private boolean closed;

    /**
     * @param capacity     the events kept for pages that reconnect
     * @param maxPerReplay the most events one {@link #awaitAfter} call returns
     */
    public EventLog(int capacity, int maxPerReplay) {
        this.ring = new Event[capacity];
        this.maxPerReplay = maxPerReplay;
    }

    /** Logs an event and wakes the pages waiting for it; returns its id. */
    public long append(String type, String data) {
        lock.lock();
        try {
            long id = ++lastId;
            ring[(int) (id % ring.length)] = new Event(id, type, data);
            appended.signalAll();
            return id;
        } finally {
            lock.unlock();
        }
    }

    /** The id of the last event logged (0 before the first). */
    public long lastId() {
        lock.lock();
        try {
            return lastId;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The events after {@code after}, waiting up to {@code timeoutMillis} for one when there is none yet.
     *
     * @param after the id of the last event the page has, 0 for none
     */
    public Replay awaitAfter(long after, long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (!closed && after == lastId && nanos > 0) {
                nanos = appended.awaitNanos(nanos);
            }
            long oldest = Math.max(1, lastId - ring.length + 1);
            if (after < 0 || after > lastId || (after < oldest - 1)) {
                return new Replay(List.of(), true, lastId, closed);
            }
            List<Event> events = new ArrayList<>();
            for (long id = after + 1; id <= lastId && events.size() < maxPerReplay; id++) {
                events.add(ring[(int) (id % ring.length)]);
            }
            return new Replay(events, false, lastId, closed);
        } finally {
            lock.unlock();
        }
    }

    /** Ends every page's stream (they return from {@link #awaitAfter} with {@code closed}). */
    public void close() {
        lock.lock();
        try {
            closed = true;
            appended.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
