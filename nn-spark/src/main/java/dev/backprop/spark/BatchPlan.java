package dev.backprop.spark;

import java.io.Serializable;
import java.util.PriorityQueue;

/**
 * Which rows of each partition make up each global mini-batch. An epoch of {@code N} rows in batches of
 * {@code B} has {@code ceil(N / B)} global batches, the last one possibly smaller, exactly as in
 * {@link dev.backprop.core.train.Trainer}. Each partition contributes its proportional share of every
 * batch: its {@code k}-th row (in its own epoch order) is placed at time {@code (k + ½) / n_p}, all the
 * partitions' rows are merged by time (ties to the lower partition), and the merged sequence is cut
 * into batches of {@code B}. So every global batch has exactly the single-machine batch's size, every
 * partition's shares add up to all its rows, and a partition's share of a batch differs from
 * {@code B · n_p / N} by less than one row. With one partition the shares are the single-machine
 * batches. The same plan serves every epoch (the sizes do not change); partition {@code p} reads
 * rows {@code [from(p, b), from(p, b) + count(p, b))} of its shuffled block in batch {@code b}.
 */
final class BatchPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int batchSize;
    private final int batches;
    private final long totalRows;
    /** offsets[p][b]: the rows of partition p in batches before b; offsets[p][batches] = n_p. */
    private final int[][] offsets;

    private BatchPlan(int batchSize, int batches, long totalRows, int[][] offsets) {
        this.batchSize = batchSize;
        this.batches = batches;
        this.totalRows = totalRows;
        this.offsets = offsets;
    }

    /**
     * The plan for partitions of {@code partitionRows[p]} rows in global batches of {@code batchSize}
     * (capped at the total, as the single-machine trainer does).
     *
     * @throws IllegalArgumentException if there are no rows or the batch size is below 1
     */
    static BatchPlan of(int[] partitionRows, int batchSize) {
        long total = 0;
        for (int rows : partitionRows) {
            if (rows < 0) {
                throw new IllegalArgumentException("A partition cannot have " + rows + " rows.");
            }
            total += rows;
        }
        if (total == 0 || batchSize < 1) {
            throw new IllegalArgumentException("A batch plan needs at least one row and a batch size of at least 1,"
                    + " found " + total + " rows and batch size " + batchSize + ".");
        }
        int size = (int) Math.min(batchSize, total);
        int batches = (int) ((total + size - 1) / size);
        int partitions = partitionRows.length;
        int[][] offsets = new int[partitions][batches + 1];
        int[] taken = new int[partitions];
        // Next row of partition p sits at time (2·taken[p] + 1) / (2·n_p): compare by cross-multiplying.
        PriorityQueue<Integer> queue = new PriorityQueue<>((p, q) -> {
            long left = (2L * taken[p] + 1) * partitionRows[q];
            long right = (2L * taken[q] + 1) * partitionRows[p];
            return left != right ? Long.compare(left, right) : Integer.compare(p, q);
        });
        for (int p = 0; p < partitions; p++) {
            if (partitionRows[p] > 0) {
                queue.add(p);
            }
        }
        for (int b = 0; b < batches; b++) {
            for (int p = 0; p < partitions; p++) {
                offsets[p][b] = taken[p];
            }
            long rows = Math.min(size, total - (long) b * size);
            for (long r = 0; r < rows; r++) {
                int p = queue.poll();
                taken[p]++;
                if (taken[p] < partitionRows[p]) {
                    queue.add(p);
                }
            }
        }
        for (int p = 0; p < partitions; p++) {
            offsets[p][batches] = taken[p];
        }
        return new BatchPlan(size, batches, total, offsets);
    }

    /** The global batch size (capped at the number of rows). */
    int batchSize() {
        return batchSize;
    }

    /** The global batches of an epoch. */
    int batches() {
        return batches;
    }

    /** All the rows of an epoch. */
    long totalRows() {
        return totalRows;
    }

    int partitions() {
        return offsets.length;
    }

    /** The first row of partition {@code p} (in its epoch order) in batch {@code b} (0-based). */
    int from(int p, int b) {
        return offsets[p][b];
    }

    /** The rows partition {@code p} contributes to batch {@code b} (0-based). */
    int count(int p, int b) {
        return offsets[p][b + 1] - offsets[p][b];
    }

    /** The largest share partition {@code p} contributes to one batch (at least 1: a step's capacity). */
    int largestShare(int p) {
        int largest = 1;
        for (int b = 0; b < batches; b++) {
            largest = Math.max(largest, count(p, b));
        }
        return largest;
    }
}
