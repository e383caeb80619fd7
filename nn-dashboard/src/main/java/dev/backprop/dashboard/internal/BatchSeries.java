package dev.backprop.dashboard.internal;

import java.util.Arrays;

/**
 * The batch losses of a run, decimated so that at most {@code capacity} points are kept however long it
 * runs: each point is the mean of {@code stride} consecutive batches, and when the series is full, its
 * points are averaged in pairs and the stride doubles. Alongside the raw loss it keeps an exponential
 * moving average (bias-corrected, as Adam corrects its moments), taken over every batch before
 * decimation. Fewer than {@code capacity} points are kept between calls. Not thread-safe: the {@link Publisher}'s thread owns it.
 */
public final class BatchSeries {

    /** The moving average's decay: about the last 20 batches count. */
    static final double SMOOTHING = 0.95;

    private final int capacity;
    private final double[] x;
    private final double[] loss;
    private final double[] smoothed;
    private int size;
    private int stride = 1;
    private double bucketX;
    private double bucketLoss;
    private double bucketSmoothed;
    private int bucketCount;
    private double average;
    private double decayPower = 1;
    private int published;
    private boolean resampled;

    /** @param capacity the most points kept, even */
    public BatchSeries(int capacity) {
        if (capacity < 2 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 2, was " + capacity);
        }
        this.capacity = capacity;
        this.x = new double[capacity];
        this.loss = new double[capacity];
        this.smoothed = new double[capacity];
    }

    /** Adds one batch at training position {@code position} (epochs) with loss {@code batchLoss}. */
    public void add(double position, double batchLoss) {
        if (!Double.isFinite(batchLoss)) {
            return;
        }
        average = SMOOTHING * average + (1 - SMOOTHING) * batchLoss;
        decayPower *= SMOOTHING;
        bucketX += position;
        bucketLoss += batchLoss;
        bucketSmoothed += average / (1 - decayPower);
        if (++bucketCount == stride) {
            append(bucketX / stride, bucketLoss / stride, bucketSmoothed / stride);
            bucketX = 0;
            bucketLoss = 0;
            bucketSmoothed = 0;
            bucketCount = 0;
        }
    }

    /** Stores a point; a full series is halved at once, so the next bucket fills at the new stride. */
    private void append(double position, double meanLoss, double meanSmoothed) {
        x[size] = position;
        loss[size] = meanLoss;
        smoothed[size] = meanSmoothed;
        size++;
        if (size == capacity) {
            halve();
        }
    }

    /** Averages the points in pairs: half as many, each for twice as many batches. */
    private void halve() {
        for (int i = 0; i < size / 2; i++) {
            x[i] = (x[2 * i] + x[2 * i + 1]) / 2;
            loss[i] = (loss[2 * i] + loss[2 * i + 1]) / 2;
            smoothed[i] = (smoothed[2 * i] + smoothed[2 * i + 1]) / 2;
        }
        size /= 2;
        stride *= 2;
        resampled = true;
    }

    /** Every point kept. */
    public Views.BatchColumns all() {
        return columns(0);
    }

    /**
     * The points added since the last call, or null when the series was {@linkplain #halve() halved} in
     * between (the pages must then reload it whole). Either way, later calls start from here.
     */
    public Views.BatchColumns takeNew() {
        int from = published;
        boolean wasResampled = resampled;
        published = size;
        resampled = false;
        return wasResampled ? null : columns(from);
    }

    private Views.BatchColumns columns(int from) {
        return new Views.BatchColumns(Arrays.copyOfRange(x, from, size), Arrays.copyOfRange(loss, from, size),
                Arrays.copyOfRange(smoothed, from, size), stride);
    }
}
