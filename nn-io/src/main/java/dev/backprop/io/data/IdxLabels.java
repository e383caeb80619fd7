package dev.backprop.io.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The labels of one IDX label file: {@link #count()} class indices from 0 to 255, one per example.
 * Read one with {@link IdxFiles#readLabels}. Immutable.
 */
public final class IdxLabels {

    private final Path file;
    private final byte[] labels;

    IdxLabels(IdxContent content) {
        this.file = content.file();
        this.labels = content.values();
    }

    /** The file the labels were read from (absolute). */
    public Path file() {
        return file;
    }

    /** The number of labels, at least 1. */
    public int count() {
        return labels.length;
    }

    /** The label of example {@code index}, 0 to 255. */
    public int label(int index) {
        Objects.checkIndex(index, labels.length);
        return labels[index] & 0xff;
    }

    /** The number of classes the labels imply: the largest label plus one. */
    public int classCount() {
        int max = 0;
        for (byte label : labels) {
            max = Math.max(max, label & 0xff);
        }
        return max + 1;
    }

    /**
     * The first {@code min(limit, count)} labels as one-hot target rows of width {@code classes}, in one
     * row-major array.
     *
     * @param classes the number of classes, at least 1; every label in the file must be below it
     * @param limit   the most labels to convert, at least 1
     * @throws DatasetFormatException if any label in the file is {@code classes} or more
     */
    public float[] oneHot(int classes, int limit) {
        IdxDatasets.requireClasses(classes);
        int used = IdxDatasets.requireLimit(limit, labels.length);
        requireInRange(classes);
        float[] targets = new float[used * classes];
        for (int i = 0; i < used; i++) {
            targets[i * classes + (labels[i] & 0xff)] = 1f;
        }
        return targets;
    }

    private void requireInRange(int classes) {
        for (int i = 0; i < labels.length; i++) {
            int label = labels[i] & 0xff;
            if (label >= classes) {
                throw new DatasetFormatException("IDX label file " + file + " has label " + label + " at index " + i
                        + ", but " + classes + " classes allow labels 0 to " + (classes - 1) + " only. Check that the"
                        + " file belongs to a " + classes + "-class data set (MNIST and Fashion-MNIST have 10), or"
                        + " give the right class count (this file implies " + classCount() + ").");
            }
        }
    }

    @Override
    public String toString() {
        return labels.length + " labels from " + file;
    }
}
