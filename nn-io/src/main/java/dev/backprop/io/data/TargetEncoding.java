package dev.backprop.io.data;

/** How a CSV file's label column becomes the targets of a {@link dev.backprop.core.data.Dataset}. */
public enum TargetEncoding {

    /**
     * Classification: each label (a class name such as {@code setosa}, or an integer) becomes a one-hot
     * row over the classes. The classes are sorted, not taken in order of first appearance, so that the
     * same file gives the same class indices however its rows are ordered: numerically when every label
     * is an integer ({@code 2} before {@code 10}), otherwise lexicographically by {@link String#compareTo}.
     * At least two classes are required.
     */
    ONE_HOT,

    /**
     * Classification with integer targets: each label becomes its class index (classes sorted as for
     * {@link #ONE_HOT}), one target value per row, for {@code sparse_categorical_cross_entropy}.
     */
    CLASS_INDEX,

    /** Regression: the label column must be numeric and becomes a target of width 1. */
    REGRESSION
}
