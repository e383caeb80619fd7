package dev.backprop.core.evaluation;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.SizeLimits;
import java.util.Arrays;

/**
 * How often each class was predicted as each other class: {@code count(actual, predicted)} examples
 * of class {@code actual} were classified as {@code predicted}. Immutable.
 *
 * <p>Built from a network and a dataset ({@link #of(Network, Dataset)}, measured through
 * {@link Network#predict} in batches like {@link Evaluation#accuracy}, by the same rule) or from raw
 * counts ({@link #ofCounts(long[][])}).
 *
 * <p>Ratios with a zero denominator are defined as 0, as scikit-learn does with
 * {@code zero_division=0}: the precision of a class that was never predicted, the recall of a class
 * with no examples, the F1 score when precision and recall are both 0, and the accuracy of an empty
 * matrix.
 */
public final class ConfusionMatrix {

    private final int classes;
    /** {@code classes × classes} counts, row-major: row = actual class, column = predicted class. */
    private final long[] counts;

    private ConfusionMatrix(int classes, long[] counts) {
        this.classes = classes;
        this.counts = counts;
    }

    /**
     * Classifies every example of {@code data} with {@code network} and counts the outcomes.
     *
     * <p>Classes: with one output, 2 (class 1 when the output, or the target, is at least 0.5, as for
     * binary cross-entropy); with several outputs, one class per output, the predicted class being the
     * largest output. Targets are either one-hot rows as wide as the output (the actual class is the
     * largest target) or one integer class label per example.
     *
     * @throws ShapeMismatchException         if the data's features or targets do not fit the network
     * @throws InvalidConfigurationException if an integer label is not a whole number of an existing class
     */
    public static ConfusionMatrix of(Network network, Dataset data) {
        int width = network.outputWidth();
        int targetWidth = data.targetWidth();
        checkShapes(network, data);
        int classes = width == 1 ? 2 : width;
        long[] counts = new long[countCells(classes)];
        PredictionBatches.forEach(network, data, (from, rows, outputs, targets) -> {
            for (int row = 0; row < rows; row++) {
                int actual = actualClass(targets, row, targetWidth, width, classes, from + row);
                int predicted = width == 1 ? (outputs[row] >= 0.5f ? 1 : 0)
                        : Evaluation.argMax(outputs, row * width, width);
                counts[actual * classes + predicted]++;
            }
        });
        return new ConfusionMatrix(classes, counts);
    }

    /**
     * A matrix from counts: {@code counts[actual][predicted]}, square, at least 1 × 1, none negative
     * (copied).
     *
     * @throws InvalidConfigurationException if the array is empty, not square or holds a negative count
     */
    public static ConfusionMatrix ofCounts(long[][] counts) {
        int classes = counts.length;
        if (classes == 0) {
            throw new InvalidConfigurationException("A confusion matrix needs at least 1 class, but the counts array"
                    + " is empty: give counts[actual][predicted] for every pair of classes.");
        }
        long[] flat = new long[countCells(classes)];
        for (int actual = 0; actual < classes; actual++) {
            if (counts[actual].length != classes) {
                throw new InvalidConfigurationException("A confusion matrix is square: expected " + classes
                        + " counts in row " + actual + " (one per class, like the number of rows), but found "
                        + counts[actual].length + ". Give counts[actual][predicted] for every pair of classes.");
            }
            for (int predicted = 0; predicted < classes; predicted++) {
                long count = counts[actual][predicted];
                if (count < 0) {
                    throw new InvalidConfigurationException("Counts cannot be negative, but counts[" + actual + "]["
                            + predicted + "] is " + count + ": give the number of examples of class " + actual
                            + " predicted as class " + predicted + ".");
                }
                flat[actual * classes + predicted] = count;
            }
        }
        return new ConfusionMatrix(classes, flat);
    }

    /**
     * {@code classes × classes}, the cells of the matrix, checked against the array limit before allocating.
     *
     * @throws InvalidConfigurationException if the cells would not fit in one array
     */
    private static int countCells(int classes) {
        long cells = (long) classes * classes;
        if (cells > SizeLimits.MAX_ARRAY_LENGTH) {
            throw new InvalidConfigurationException("A confusion matrix of " + classes + " classes needs " + cells
                    + " counts in one array, more than the " + SizeLimits.MAX_ARRAY_LENGTH + " a Java array holds:"
                    + " it is for at most " + (int) Math.sqrt(SizeLimits.MAX_ARRAY_LENGTH) + " classes; measure"
                    + " accuracy with Evaluation instead.");
        }
        return (int) cells;
    }

    /** The number of classes (2 for a network with one output). */
    public int classes() {
        return classes;
    }

    /** The number of examples of class {@code actual} that were predicted as class {@code predicted}. */
    public long count(int actual, int predicted) {
        checkClass(actual, "actual");
        checkClass(predicted, "predicted");
        return counts[actual * classes + predicted];
    }

    /** The number of examples counted. */
    public long total() {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        return total;
    }

    /** The fraction of examples classified correctly, in [0, 1]; 0 for an empty matrix. */
    public double accuracy() {
        long correct = 0;
        for (int c = 0; c < classes; c++) {
            correct += counts[c * classes + c];
        }
        return ratio(correct, total());
    }

    /** Of the examples predicted as {@code c}, the fraction that are {@code c}; 0 if none was predicted as {@code c}. */
    public double precision(int c) {
        checkClass(c, "class");
        long predicted = 0;
        for (int actual = 0; actual < classes; actual++) {
            predicted += counts[actual * classes + c];
        }
        return ratio(counts[c * classes + c], predicted);
    }

    /** Of the examples of class {@code c}, the fraction predicted as {@code c}; 0 if there are none. */
    public double recall(int c) {
        checkClass(c, "class");
        return ratio(counts[c * classes + c], support(c));
    }

    /** The harmonic mean of precision and recall of class {@code c}; 0 when both are 0. */
    public double f1(int c) {
        double precision = precision(c);
        double recall = recall(c);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** The number of examples whose actual class is {@code c}. */
    public long support(int c) {
        checkClass(c, "class");
        long support = 0;
        for (int predicted = 0; predicted < classes; predicted++) {
            support += counts[c * classes + predicted];
        }
        return support;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix that && classes == that.classes && Arrays.equals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return 31 * classes + Arrays.hashCode(counts);
    }

    /** The counts, one row per actual class: {@code ConfusionMatrix[[5, 1], [0, 4]]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("ConfusionMatrix[");
        for (int actual = 0; actual < classes; actual++) {
            text.append(actual == 0 ? "" : ", ")
                    .append(Arrays.toString(Arrays.copyOfRange(counts, actual * classes, (actual + 1) * classes)));
        }
        return text.append(']').toString();
    }

    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }

    private void checkClass(int c, String what) {
        if (c < 0 || c >= classes) {
            throw new IndexOutOfBoundsException("The " + what + " class " + c + " does not exist: this matrix has"
                    + " classes 0 to " + (classes - 1) + ".");
        }
    }

    private static void checkShapes(Network network, Dataset data) {
        int width = network.outputWidth();
        if (data.featureWidth() != network.inputWidth()) {
            throw new ShapeMismatchException("The network expects " + network.inputWidth() + " features per example"
                    + " but the dataset has " + data.featureWidth() + ": use the data the network was trained on.",
                    network.inputWidth(), data.featureWidth());
        }
        if (data.targetWidth() != 1 && data.targetWidth() != width) {
            throw new ShapeMismatchException("A confusion matrix needs one-hot targets as wide as the network's output ("
                    + width + ") or one integer class label per example, but the dataset has " + data.targetWidth()
                    + " target values per example: give one-hot or integer-label targets.", width,
                    data.targetWidth());
        }
    }

    /** The actual class of example {@code row} of a batch ({@code example} is its index in the dataset). */
    private static int actualClass(float[] targets, int row, int targetWidth, int width, int classes, int example) {
        if (width == 1) {
            return targets[row] >= 0.5f ? 1 : 0;
        }
        if (targetWidth > 1) {
            return Evaluation.argMax(targets, row * targetWidth, targetWidth);
        }
        float label = targets[row];
        if (label != Math.rint(label) || label < 0 || label >= classes) {
            throw new InvalidConfigurationException("Example " + example + " has the class label " + label
                    + ", but integer labels must be whole numbers from 0 to " + (classes - 1) + " (the network has "
                    + classes + " outputs): fix the labels, or give one-hot targets.");
        }
        return (int) label;
    }
}
