package dev.backprop.core.data;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.network.SizeLimits;
import java.util.Arrays;
import java.util.Objects;

/**
 * Examples for supervised training: features ({@code size × featureWidth}) and targets
 * ({@code size × targetWidth}), each stored as one contiguous row-major array so that batches are
 * gathered by copying rows, without per-example objects. Features are floats, or unsigned bytes
 * ({@link #adoptUnsignedBytes}: images in a quarter of the memory) turned into floats as batches are
 * gathered. Immutable: the arrays are copied in (or, with {@code adopt}, handed over) and never handed out.
 */
public final class Dataset {

    private final FeatureStore features;
    private final float[] targets;
    private final int size;
    private final int featureWidth;
    private final int targetWidth;

    /**
     * @param features     {@code size × featureWidth} values, row-major; finite
     * @param featureWidth the number of features per example, at least 1
     * @param targets      {@code size × targetWidth} values, row-major; finite
     * @param targetWidth  the number of target values per example, at least 1
     */
    public Dataset(float[] features, int featureWidth, float[] targets, int targetWidth) {
        this(featureWidth, targetWidth, new FloatFeatures(features.clone()), targets.clone());
    }

    /**
     * A dataset that takes ownership of {@code features} and {@code targets} instead of copying them,
     * for readers that build large arrays just for the dataset (Fashion-MNIST's features are 188 MB).
     * The caller must not keep, read or modify the arrays afterwards. Validated like the constructor.
     */
    public static Dataset adopt(float[] features, int featureWidth, float[] targets, int targetWidth) {
        return new Dataset(featureWidth, targetWidth, new FloatFeatures(features), targets);
    }

    /**
     * A dataset whose features are unsigned bytes, such as pixels, kept as bytes: feature {@code i} is
     * the float {@code (features[i] & 0xff) / divisor}, computed when a batch is gathered (or a row read),
     * so the data takes a quarter of the memory of float features. With a divisor of {@code 255f} the
     * features are exactly the floats {@code pixel / 255f} an image reader would have stored. Takes
     * ownership of both arrays, as {@link #adopt} does.
     *
     * @param divisor what every byte is divided by: finite and positive
     * @throws InvalidConfigurationException if the divisor is not finite and positive, or the shapes are
     *                                       invalid as for {@link #adopt}
     */
    public static Dataset adoptUnsignedBytes(byte[] features, int featureWidth, float divisor, float[] targets,
                                             int targetWidth) {
        if (!(divisor > 0f) || divisor == Float.POSITIVE_INFINITY) {
            throw new InvalidConfigurationException("The divisor of byte features must be finite and positive (255"
                    + " for pixels), was " + divisor + ".");
        }
        return new Dataset(featureWidth, targetWidth, new ByteFeatures(features, divisor), targets);
    }

    /** Validates the shapes and keeps the given store and targets (already private to this dataset). */
    private Dataset(int featureWidth, int targetWidth, FeatureStore features, float[] targets) {
        if (featureWidth < 1 || targetWidth < 1) {
            throw new InvalidConfigurationException("A dataset needs at least 1 feature and 1 target per example,"
                    + " found featureWidth=" + featureWidth + " and targetWidth=" + targetWidth + ".");
        }
        if (features.length() == 0) {
            throw new InvalidConfigurationException("The dataset is empty: expected at least 1 example, found 0."
                    + " Check the data source.");
        }
        if (features.length() % featureWidth != 0) {
            throw new ShapeMismatchException("The feature array holds " + features.length() + " values, which is not"
                    + " a whole number of rows of " + featureWidth + " features: give size × featureWidth values.",
                    featureWidth, features.length() % featureWidth);
        }
        this.size = features.length() / featureWidth;
        if (targets.length != size * targetWidth) {
            throw new ShapeMismatchException("Expected " + size + " target rows of width " + targetWidth + " ("
                    + size * targetWidth + " values) to match " + size + " feature rows, but found " + targets.length
                    + " values: give one target row per example.", size * targetWidth, targets.length);
        }
        if (features instanceof FloatFeatures floats) {
            requireFinite(floats.values(), featureWidth, "feature");
        }
        requireFinite(targets, targetWidth, "target");
        this.features = features;
        this.targets = targets;
        this.featureWidth = featureWidth;
        this.targetWidth = targetWidth;
    }

    /** A dataset from one array per example (convenient for small, hand-written data such as XOR). */
    public static Dataset of(float[][] features, float[][] targets) {
        if (features.length != targets.length) {
            throw new ShapeMismatchException("Expected as many target rows as feature rows (" + features.length
                    + ") but found " + targets.length + ".", features.length, targets.length);
        }
        if (features.length == 0) {
            throw new InvalidConfigurationException("The dataset is empty: expected at least 1 example, found 0.");
        }
        return adopt(flatten(features, "feature"), features[0].length, flatten(targets, "target"), targets[0].length);
    }

    /** The number of examples. */
    public int size() {
        return size;
    }

    /** The number of features per example. */
    public int featureWidth() {
        return featureWidth;
    }

    /** The number of target values per example. */
    public int targetWidth() {
        return targetWidth;
    }

    /**
     * Copies the examples {@code order[from] … order[from + count − 1]} into the first rows of
     * {@code featureBatch} and {@code targetBatch}.
     */
    public void gather(int[] order, int from, int count, float[] featureBatch, float[] targetBatch) {
        for (int row = 0; row < count; row++) {
            int example = order[from + row];
            features.read(example * featureWidth, featureBatch, row * featureWidth, featureWidth);
            System.arraycopy(targets, example * targetWidth, targetBatch, row * targetWidth, targetWidth);
        }
    }

    /** Copies examples {@code from … from + count − 1}, in order, into the batch arrays. */
    public void copyRange(int from, int count, float[] featureBatch, float[] targetBatch) {
        features.read(from * featureWidth, featureBatch, 0, count * featureWidth);
        System.arraycopy(targets, from * targetWidth, targetBatch, 0, count * targetWidth);
    }

    /**
     * A new dataset of the examples at {@code indices}, in that order (for train/validation splits).
     *
     * @throws IndexOutOfBoundsException if an index is outside {@code [0, size)}
     */
    public Dataset select(int[] indices) {
        for (int index : indices) {
            Objects.checkIndex(index, size);
        }
        FeatureStore selectedFeatures = features.rows(indices, featureWidth,
                arraySize(indices.length, featureWidth, "feature"));
        float[] selectedTargets = new float[arraySize(indices.length, targetWidth, "target")];
        for (int row = 0; row < indices.length; row++) {
            System.arraycopy(targets, indices[row] * targetWidth, selectedTargets, row * targetWidth, targetWidth);
        }
        return new Dataset(featureWidth, targetWidth, selectedFeatures, selectedTargets);
    }

    /** The features of example {@code index} (a copy). */
    public float[] features(int index) {
        Objects.checkIndex(index, size);
        float[] row = new float[featureWidth];
        features.read(index * featureWidth, row, 0, featureWidth);
        return row;
    }

    /** The targets of example {@code index} (a copy). */
    public float[] targets(int index) {
        return Arrays.copyOfRange(targets, index * targetWidth, (index + 1) * targetWidth);
    }

    private static float[] flatten(float[][] rows, String what) {
        int width = rows[0].length;
        float[] flat = new float[arraySize(rows.length, width, what)];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != width) {
                throw new ShapeMismatchException("Every " + what + " row must have " + width + " values (like row 0),"
                        + " but row " + i + " has " + rows[i].length + ".", width, rows[i].length);
            }
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return flat;
    }

    /**
     * {@code rows × width}, checked against the array limit before allocating.
     *
     * @throws InvalidConfigurationException if that many values do not fit in one array
     */
    private static int arraySize(int rows, int width, String what) {
        long size = (long) rows * width;
        if (size > SizeLimits.MAX_ARRAY_LENGTH) {
            throw new InvalidConfigurationException(rows + " examples of " + width + " " + what + " values need " + size
                    + " values in one array, more than the " + SizeLimits.MAX_ARRAY_LENGTH + " a Java array holds: use"
                    + " at most " + SizeLimits.MAX_ARRAY_LENGTH / Math.max(1, width) + " examples, or fewer " + what
                    + "s per example.");
        }
        return (int) size;
    }

    private static void requireFinite(float[] values, int width, String what) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new InvalidConfigurationException("The " + what + " at row " + i / width + ", column "
                        + i % width + " is " + values[i] + ": every " + what + " must be a finite number."
                        + " Clean or impute the data before training.");
            }
        }
    }
}
