package dev.backprop.examples.console;

import dev.backprop.core.train.TrainingListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (SIGINT) or SIGTERM during a training run: a JVM shutdown hook asks training to stop
 * ({@link #stopRequested()}, which the trainer polls) and then holds the JVM's exit until the run has
 * saved its checkpoint and printed how to go on ({@link #close()}), for at most {@link #WAIT}. While
 * it waits, the run's own thread finishes the work under way, saves the checkpoint (the trainer's last
 * {@code onCheckpoint}) and prints. One per run, used with try-with-resources so that the hook is
 * removed when the run ends normally.
 */
public final class GracefulStop implements TrainingListener, AutoCloseable {

    /** The longest the JVM's exit waits for the run to save and print after Ctrl-C. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    private GracefulStop(PrintWriter err, Duration wait) {
        this.hook = new Thread(() -> {
            requested.set(true);
            err.println("stopping: finishing the work under way and saving the checkpoint (at most "
                    + wait.toSeconds() + " s; kill -9 to stop at once, keeping the last saved checkpoint)");
            err.flush();
            try {
                finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "backprop-graceful-stop");
    }

    /**
     * Installs the shutdown hook for one run.
     *
     * @param err where the one line that acknowledges Ctrl-C goes
     */
    public static GracefulStop install(PrintWriter err) {
        GracefulStop stop = new GracefulStop(err, WAIT);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** True once Ctrl-C (or SIGTERM) arrived: training ends at the next point the trainer asks. */
    @Override
    public boolean stopRequested() {
        return requested.get();
    }

    /** The run has saved and printed: lets a waiting exit go on, or removes the hook if none is under way. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running and returns now that the run is finished
        }
    }
}
