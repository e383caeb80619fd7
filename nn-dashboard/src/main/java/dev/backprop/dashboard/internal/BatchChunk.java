package dev.backprop.dashboard.internal;

/**
 * Consecutive batch reports gathered on the training thread into primitive arrays, handed to the server
 * as one message: recording a batch is a few array stores, with no allocation and no synchronisation.
 * Filled by one thread, then handed over and only read.
 */
public final class BatchChunk {

    private final int[] epochs;
    private final int[] batches;
    private final int[] batchCounts;
    private final int[] rows;
    private final double[] losses;
    private final double[] rates;
    private final long[] nanos;
    private int size;

    /** @param capacity the batches it holds */
    public BatchChunk(int capacity) {
        epochs = new int[capacity];
        batches = new int[capacity];
        batchCounts = new int[capacity];
        rows = new int[capacity];
        losses = new double[capacity];
        rates = new double[capacity];
        nanos = new long[capacity];
    }

    /**
     * Records one batch.
     *
     * @return whether the chunk is now full
     */
    public boolean add(int epoch, int batch, int batchCount, int examples, double loss, double rate, long time) {
        epochs[size] = epoch;
        batches[size] = batch;
        batchCounts[size] = batchCount;
        rows[size] = examples;
        losses[size] = loss;
        rates[size] = rate;
        nanos[size] = time;
        return ++size == epochs.length;
    }

    /** The batches recorded. */
    public int size() {
        return size;
    }

    /** Batch {@code i} of the chunk, from 0. */
    public Message.BatchDone get(int i) {
        return new Message.BatchDone(epochs[i], batches[i], batchCounts[i], rows[i], losses[i], rates[i], nanos[i]);
    }
}
