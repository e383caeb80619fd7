package dev.backprop.spark;

import dev.backprop.core.train.EpochOrder;
import java.io.Serializable;

/**
 * All the rows of one Spark partition packed once into two row-major float arrays (features, targets),
 * so the training loop touches no per-row objects. Immutable by convention: {@link #shuffled} returns a
 * new block.
 */
final class RowBlock implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Odd, and unlike EpochOrder's stride: each partition's shuffles form a stream of their own. */
    private static final long PARTITION_SEED_STRIDE = 0x9E3779B97F4A7C15L;

    private final int partition;
    private final int rows;
    private final int featureWidth;
    private final int targetWidth;
    private final float[] features;
    private final float[] targets;

    RowBlock(int partition, int rows, int featureWidth, int targetWidth, float[] features, float[] targets) {
        if (features.length != (long) rows * featureWidth || targets.length != (long) rows * targetWidth) {
            throw new IllegalArgumentException("A block of " + rows + " rows needs " + (long) rows * featureWidth
                    + " feature and " + (long) rows * targetWidth + " target values, found " + features.length
                    + " and " + targets.length + ".");
        }
        this.partition = partition;
        this.rows = rows;
        this.featureWidth = featureWidth;
        this.targetWidth = targetWidth;
        this.features = features;
        this.targets = targets;
    }

    /**
     * The seed of partition {@code partition}'s shuffles in a run seeded with {@code seed}: the run's own
     * seed for partition 0, so a one-partition run shuffles exactly like {@link dev.backprop.core.train.Trainer}.
     */
    static long partitionSeed(long seed, int partition) {
        return seed + PARTITION_SEED_STRIDE * partition;
    }

    /** This block's rows in epoch {@code epoch}'s order ({@link EpochOrder} with this partition's seed). */
    RowBlock shuffled(long seed, int epoch) {
        int[] order = new int[rows];
        EpochOrder.arrange(order, partitionSeed(seed, partition), epoch, true);
        float[] x = new float[features.length];
        float[] y = new float[targets.length];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(features, order[i] * featureWidth, x, i * featureWidth, featureWidth);
            System.arraycopy(targets, order[i] * targetWidth, y, i * targetWidth, targetWidth);
        }
        return new RowBlock(partition, rows, featureWidth, targetWidth, x, y);
    }

    int partition() {
        return partition;
    }

    int rows() {
        return rows;
    }

    int featureWidth() {
        return featureWidth;
    }

    int targetWidth() {
        return targetWidth;
    }

    /** The live feature array ({@code rows × featureWidth}). */
    float[] features() {
        return features;
    }

    /** The live target array ({@code rows × targetWidth}). */
    float[] targets() {
        return targets;
    }
}
