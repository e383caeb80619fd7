package dev.backprop.io.data;

import dev.backprop.core.data.Dataset;
import java.nio.file.Path;
import java.util.List;

/**
 * A CSV file read by {@link CsvTableReader#read}: its features ({@code rows × featureWidth} floats, one
 * contiguous row-major array), its targets (one-hot rows, or one value per row for regression), the
 * column names and the class names. Immutable: arrays are copied out, never handed out.
 */
public final class CsvTable {

    private final Path file;
    private final List<String> featureNames;
    private final String targetName;
    private final TargetEncoding encoding;
    private final List<String> classNames;
    private final float[] features;
    private final float[] targets;
    private final int rows;

    /** Keeps the given arrays, which the reader built for this object alone. */
    CsvTable(Path file, List<String> featureNames, String targetName, TargetEncoding encoding,
            List<String> classNames, float[] features, float[] targets) {
        this.file = file;
        this.featureNames = List.copyOf(featureNames);
        this.targetName = targetName;
        this.encoding = encoding;
        this.classNames = List.copyOf(classNames);
        this.features = features;
        this.targets = targets;
        this.rows = features.length / featureNames.size();
    }

    /** The file the data was read from (absolute). */
    public Path file() {
        return file;
    }

    /** The number of data rows (examples). */
    public int rows() {
        return rows;
    }

    /** The number of feature columns. */
    public int featureWidth() {
        return featureNames.size();
    }

    /** The width of a target row: the number of classes for one-hot targets, 1 for class indices and regression. */
    public int targetWidth() {
        return encoding == TargetEncoding.ONE_HOT ? classNames.size() : 1;
    }

    /** The feature columns' names, in feature order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The label column's name. */
    public String targetName() {
        return targetName;
    }

    /** How the labels became targets. */
    public TargetEncoding encoding() {
        return encoding;
    }

    /**
     * The class names in target order (class {@code k} is one-hot position {@code k}); empty for
     * regression.
     */
    public List<String> classNames() {
        return classNames;
    }

    /** The value of feature {@code column} in data row {@code row} (both 0-based). */
    public float feature(int row, int column) {
        return features[checkRow(row) * featureWidth() + checkColumn(column)];
    }

    /** All features, {@code rows × featureWidth}, row-major (a copy). */
    public float[] features() {
        return features.clone();
    }

    /** All targets, {@code rows × targetWidth}, row-major (a copy). */
    public float[] targets() {
        return targets.clone();
    }

    /** The features of the given rows, in that order, row-major (a new array). */
    public float[] featureRows(int[] rowIndices) {
        return gather(features, featureWidth(), rowIndices);
    }

    /** The targets of the given rows, in that order, row-major (a new array). */
    public float[] targetRows(int[] rowIndices) {
        return gather(targets, targetWidth(), rowIndices);
    }

    /** Every row as a {@link Dataset}, unscaled. */
    public Dataset toDataset() {
        return new Dataset(features, featureWidth(), targets, targetWidth());
    }

    private float[] gather(float[] source, int width, int[] rowIndices) {
        float[] result = new float[rowIndices.length * width];
        for (int i = 0; i < rowIndices.length; i++) {
            System.arraycopy(source, checkRow(rowIndices[i]) * width, result, i * width, width);
        }
        return result;
    }

    private int checkRow(int row) {
        if (row < 0 || row >= rows) {
            throw new IndexOutOfBoundsException("Row " + row + " is outside 0.." + (rows - 1) + " of " + file);
        }
        return row;
    }

    private int checkColumn(int column) {
        if (column < 0 || column >= featureWidth()) {
            throw new IndexOutOfBoundsException("Feature column " + column + " is outside 0.."
                    + (featureWidth() - 1) + ": the features are " + featureNames);
        }
        return column;
    }

    @Override
    public String toString() {
        return "CsvTable[" + file + ", " + rows + " rows, features=" + featureNames + ", target=" + targetName
                + (classNames.isEmpty() ? "" : ", classes=" + classNames) + "]";
    }
}
