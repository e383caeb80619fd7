package dev.backprop.dashboard.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread between training and the pages: every {@code interval} it takes what waits in the
 * {@link Inbox} and applies it to the {@link Journal}, which logs the events the pages read at their own
 * pace. Training only ever offers to the inbox, so neither this thread nor any page can slow it down.
 */
public final class Publisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    private final Inbox inbox;
    private final Journal journal;
    private final ScheduledExecutorService thread;
    private final List<Message> taken = new ArrayList<>();

    /**
     * Starts publishing.
     *
     * @param inbox    what training hands over
     * @param journal  where it goes
     * @param interval how often
     */
    public Publisher(Inbox inbox, Journal journal, Duration interval) {
        this.inbox = inbox;
        this.journal = journal;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread daemon = new Thread(runnable, "backprop-dashboard-publisher");
            daemon.setDaemon(true);
            return daemon;
        });
        long millis = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(this::publishSafely, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** A failure must not cancel the schedule (a scheduled task that throws never runs again). */
    private void publishSafely() {
        try {
            publish();
        } catch (RuntimeException failure) {
            LOG.warn("The dashboard could not publish the latest metrics; it goes on with the next ones.", failure);
        }
    }

    /** Applies what waits in the inbox now. */
    private synchronized void publish() {
        taken.clear();
        if (inbox.drainTo(taken) > 0) {
            journal.apply(taken, inbox.droppedBatches());
        }
        taken.clear();
    }

    /** Stops the thread after publishing what is left. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        publishSafely();
    }
}
