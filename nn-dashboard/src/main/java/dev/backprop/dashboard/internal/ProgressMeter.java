package dev.backprop.dashboard.internal;

/**
 * The live figures of a run from its batch reports: where it is, its learning rate, its recent speed in
 * examples per second, and the time left, estimated from the wall time per epoch so far (validation
 * included). Not thread-safe: the {@link Publisher}'s thread owns it.
 */
public final class ProgressMeter {

    /** How much each new speed measurement counts in the smoothed speed. */
    private static final double SPEED_WEIGHT = 0.3;
    /** Speeds are measured over at least this long, so that a single fast batch does not dominate. */
    private static final long MIN_WINDOW_NANOS = 250_000_000L;

    private final long startNanos;
    private final int epochs;
    private Message.BatchDone last;
    private double firstX = Double.NaN;
    private long windowStartNanos;
    private long windowRows;
    private double speed = Double.NaN;

    /**
     * @param startNanos {@link System#nanoTime()} when the run started
     * @param epochs     the epochs planned
     */
    public ProgressMeter(long startNanos, int epochs) {
        this.startNanos = startNanos;
        this.epochs = epochs;
        this.windowStartNanos = startNanos;
    }

    /** Counts one batch. */
    public void add(Message.BatchDone batch) {
        if (Double.isNaN(firstX)) {
            firstX = batch.x() - 1.0 / batch.batches();
        }
        windowRows += batch.rows();
        long window = batch.nanos() - windowStartNanos;
        if (window >= MIN_WINDOW_NANOS) {
            double measured = windowRows / (window / 1e9);
            speed = Double.isNaN(speed) ? measured : SPEED_WEIGHT * measured + (1 - SPEED_WEIGHT) * speed;
            windowStartNanos = batch.nanos();
            windowRows = 0;
        }
        last = batch;
    }

    /** The figures after the last batch, or null before the first. */
    public Views.Progress progress() {
        if (last == null) {
            return null;
        }
        double x = last.x();
        double elapsed = (last.nanos() - startNanos) / 1e9;
        double done = x - firstX;
        Double eta = done > 0 ? (epochs - x) * elapsed / done : null;
        return new Views.Progress(last.epoch(), epochs, last.batch(), last.batches(), x, last.learningRate(), speed,
                elapsed, eta);
    }
}
