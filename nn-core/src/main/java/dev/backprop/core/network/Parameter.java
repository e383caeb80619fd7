package dev.backprop.core.network;

import dev.backprop.api.ShapeMismatchException;

/**
 * One trainable tensor of a network, named and row-major: a dense layer's weights
 * ({@code fanIn × fanOut}, named {@code dense_N.weight}) or biases ({@code 1 × fanOut}, named
 * {@code dense_N.bias}), layers counted from 1. {@code values} is the live array the network computes
 * with; optimizers and model readers write it in place.
 *
 * <p>To move weights in or out of another framework, read and write a copy in an explicit
 * {@link Orientation}: ours is {@code [in][out]}, PyTorch's {@code nn.Linear.weight} is
 * {@code [out][in]}. Every write checks the shape first and changes nothing on a mismatch.
 *
 * @param name    {@code "dense_1.weight"}, {@code "dense_1.bias"}, ...
 * @param rows    the number of rows (a layer's inputs, 1 for a bias)
 * @param columns the number of columns (a layer's outputs)
 * @param values  the live values, {@code rows × columns} long
 */
public record Parameter(String name, int rows, int columns, float[] values) {

    /** How a two-dimensional copy of a parameter is laid out. */
    public enum Orientation {
        /** {@code [in][out]}: row {@code i} holds the weights leaving input {@code i} (Backprop's own layout). */
        IN_BY_OUT,
        /** {@code [out][in]}: row {@code j} holds the weights entering output {@code j} (PyTorch's {@code nn.Linear}). */
        OUT_BY_IN
    }

    /** The name of dense layer {@code layer}'s weights, layers counted from 1: {@code dense_1.weight}, as in Keras. */
    public static String weightName(int layer) {
        return "dense_" + layer + ".weight";
    }

    /** The name of dense layer {@code layer}'s biases, layers counted from 1: {@code dense_1.bias}. */
    public static String biasName(int layer) {
        return "dense_" + layer + ".bias";
    }

    /** The number of values. */
    public int size() {
        return values.length;
    }

    /** A copy of the values in {@code orientation}. */
    public float[][] read(Orientation orientation) {
        boolean ours = orientation == Orientation.IN_BY_OUT;
        float[][] copy = new float[ours ? rows : columns][ours ? columns : rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                float v = values[r * columns + c];
                if (ours) {
                    copy[r][c] = v;
                } else {
                    copy[c][r] = v;
                }
            }
        }
        return copy;
    }

    /**
     * Overwrites the values from {@code source}, laid out in {@code orientation}.
     *
     * @throws ShapeMismatchException if {@code source} is not {@code rows × columns} in that orientation
     *                                (nothing is written then)
     */
    public void write(float[][] source, Orientation orientation) {
        boolean ours = orientation == Orientation.IN_BY_OUT;
        int expectedRows = ours ? rows : columns;
        int expectedColumns = ours ? columns : rows;
        String shape = expectedRows + " × " + expectedColumns;
        if (source.length != expectedRows) {
            throw new ShapeMismatchException("Parameter '" + name + "' read " + orientation + " is " + shape
                    + " but the array has " + source.length + " rows: " + hint(orientation), expectedRows,
                    source.length);
        }
        for (int r = 0; r < source.length; r++) {
            if (source[r] == null || source[r].length != expectedColumns) {
                int found = source[r] == null ? 0 : source[r].length;
                throw new ShapeMismatchException("Parameter '" + name + "' read " + orientation + " is " + shape
                        + " but row " + r + " of the array has " + found + " values: " + hint(orientation),
                        expectedColumns, found);
            }
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                values[r * columns + c] = ours ? source[r][c] : source[c][r];
            }
        }
    }

    /** A copy of the values, row-major in Backprop's layout (a bias: its {@code columns} values). */
    public float[] read() {
        return values.clone();
    }

    /**
     * Overwrites the values from {@code source}, row-major in Backprop's layout.
     *
     * @throws ShapeMismatchException if {@code source} does not hold {@code rows × columns} values
     */
    public void write(float[] source) {
        if (source.length != values.length) {
            throw new ShapeMismatchException("Parameter '" + name + "' holds " + rows + " × " + columns + " = "
                    + values.length + " values but " + source.length + " were given: pass exactly that many, row-major"
                    + " [in][out], or use write(float[][], Orientation).", values.length, source.length);
        }
        System.arraycopy(source, 0, values, 0, values.length);
    }

    private String hint(Orientation orientation) {
        return orientation == Orientation.IN_BY_OUT
                ? "pass [inputs][outputs], or OUT_BY_IN for a PyTorch-style [outputs][inputs] array."
                : "pass [outputs][inputs] as PyTorch's nn.Linear.weight, or IN_BY_OUT for [inputs][outputs].";
    }
}
