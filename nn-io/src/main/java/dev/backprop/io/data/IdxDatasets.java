package dev.backprop.io.data;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;

/**
 * Turns IDX images and labels into a {@link Dataset} for classification: features are the pixels
 * divided by 255 (float32, {@code rows × columns} per example; the dataset keeps the pixel bytes and
 * divides as it gathers batches, {@link Dataset#adoptUnsignedBytes}, so 60000 images take 47 MB rather
 * than 188 MB), targets are one-hot rows over the classes. Stateless and thread-safe.
 */
public final class IdxDatasets {

    private IdxDatasets() {
    }

    /**
     * All examples of {@code images} with their {@code labels}.
     *
     * @param classes the width of the one-hot targets, at least 1; every label must be below it
     * @throws DatasetFormatException if the files hold different numbers of examples, or a label is
     *                                out of range
     */
    public static Dataset of(IdxImages images, IdxLabels labels, int classes) {
        return of(images, labels, classes, Integer.MAX_VALUE);
    }

    /**
     * The first {@code min(limit, count)} examples of {@code images} with their {@code labels}; quick
     * runs use a small limit. The whole label file is still checked against {@code classes}.
     *
     * @param classes the width of the one-hot targets, at least 1; every label must be below it
     * @param limit   the most examples to take, at least 1
     * @throws DatasetFormatException if the files hold different numbers of examples, or a label is
     *                                out of range
     */
    public static Dataset of(IdxImages images, IdxLabels labels, int classes, int limit) {
        requireClasses(classes);
        requireLimit(limit, images.count());
        if (images.count() != labels.count()) {
            throw new DatasetFormatException("IDX image file " + images.file() + " holds " + images.count()
                    + " images but IDX label file " + labels.file() + " holds " + labels.count() + " labels: expected"
                    + " one label per image. Check that the two files belong together (train-images with"
                    + " train-labels, t10k-images with t10k-labels) and that neither is from another data set.");
        }
        float[] targets = labels.oneHot(classes, limit);
        return Dataset.adoptUnsignedBytes(images.pixels(requireLimit(limit, images.count())), images.pixelsPerImage(),
                IdxImages.PIXEL_DIVISOR, targets, classes);
    }

    /** The number of examples a {@code limit} selects out of {@code count}. */
    static int requireLimit(int limit, int count) {
        if (limit < 1) {
            throw new InvalidConfigurationException("limit must be at least 1 but was " + limit
                    + ": give the number of examples to use, or no limit for all of them.");
        }
        return Math.min(limit, count);
    }

    static void requireClasses(int classes) {
        if (classes < 1) {
            throw new InvalidConfigurationException("classes must be at least 1 but was " + classes
                    + ": give the number of classes of the data set (10 for MNIST).");
        }
    }
}
