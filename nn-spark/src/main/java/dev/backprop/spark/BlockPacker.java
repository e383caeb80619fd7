package dev.backprop.spark;

import java.util.Arrays;

/**
 * Packs one partition's rows into a {@link RowBlock}: features as floats, labels as class indices
 * (one value per row) or one-hot rows, as the loss reads them. Grows its arrays by doubling; the rows
 * are copied once, when the training data is cached.
 */
final class BlockPacker {

    private final int partition;
    private final int featureWidth;
    private final int numClasses;
    private final boolean oneHot;
    private final String featuresCol;
    private final String labelCol;
    private float[] features;
    private float[] targets;
    private int rows;

    /**
     * @param oneHot targets as {@code numClasses} values per row (else the class index, one value)
     */
    BlockPacker(int partition, int featureWidth, int numClasses, boolean oneHot, String featuresCol, String labelCol) {
        this.partition = partition;
        this.featureWidth = featureWidth;
        this.numClasses = numClasses;
        this.oneHot = oneHot;
        this.featuresCol = featuresCol;
        this.labelCol = labelCol;
        this.features = new float[16 * featureWidth];
        this.targets = new float[16 * targetWidth()];
    }

    private int targetWidth() {
        return oneHot ? numClasses : 1;
    }

    /**
     * Adds one row.
     *
     * @throws IllegalArgumentException if the features have another width or the label is not a class index
     */
    void add(double[] rowFeatures, double label) {
        if (rowFeatures.length != featureWidth) {
            throw new IllegalArgumentException("Column '" + featuresCol + "' must hold vectors of " + featureWidth
                    + " values but a row has " + rowFeatures.length + ": give every row the same features (for"
                    + " example with one VectorAssembler).");
        }
        if (!(label >= 0 && label < numClasses && label == Math.rint(label))) {
            throw new IllegalArgumentException("Column '" + labelCol + "' must hold class indices 0, 1, ..., "
                    + (numClasses - 1) + " but a row has " + label + ": index the labels (StringIndexer) first.");
        }
        if ((long) (rows + 1) * featureWidth > features.length) {
            int capacity = (int) Math.min(Integer.MAX_VALUE - 8L, 2L * features.length / featureWidth);
            features = Arrays.copyOf(features, capacity * featureWidth);
            targets = Arrays.copyOf(targets, capacity * targetWidth());
        }
        int base = rows * featureWidth;
        for (int i = 0; i < featureWidth; i++) {
            features[base + i] = (float) rowFeatures[i];
        }
        if (oneHot) {
            targets[rows * numClasses + (int) label] = 1f;
        } else {
            targets[rows] = (float) label;
        }
        rows++;
    }

    /** The block of the rows added so far. */
    RowBlock build() {
        return new RowBlock(partition, rows, featureWidth, targetWidth(),
                Arrays.copyOf(features, rows * featureWidth), Arrays.copyOf(targets, rows * targetWidth()));
    }
}
