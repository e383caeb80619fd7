package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.LANES;
import static dev.backprop.core.internal.TileGeometry.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * Dot products of one row with several rows of a matrix, {@code out[p] = Σ_j x[j]·M[p, j]}: the product
 * {@code x·Mᵀ} for a single row {@code x}, without packing. Both operands are read along their contiguous
 * rows; four rows of {@code M} are done at once so that four independent chains of fused multiply-adds
 * are in flight. Each dot product is summed the same way wherever it falls: lane-wise partial sums over
 * the whole vectors of the row, those lanes added in lane order, then the remaining columns one by one.
 */
final class RowDotRows {

    private static final int ROWS_AT_ONCE = 4;

    private RowDotRows() {
    }

    /**
     * {@code out[outAt + p] = Σ_{j<length} x[xAt + j]·matrix[p·matrixStride + j]} for {@code p} in
     * {@code [rowFrom, rowTo)}; {@code lanes} is scratch space for one vector.
     */
    static void multiply(float[] x, int xAt, int length, float[] matrix, int matrixStride,
                         float[] out, int outAt, int rowFrom, int rowTo, float[] lanes) {
        int vectorEnd = length - length % LANES;
        int p = rowFrom;
        for (; p + ROWS_AT_ONCE <= rowTo; p += ROWS_AT_ONCE) {
            int row0 = p * matrixStride;
            int row1 = row0 + matrixStride;
            int row2 = row1 + matrixStride;
            int row3 = row2 + matrixStride;
            FloatVector s0 = FloatVector.zero(SPECIES);
            FloatVector s1 = s0;
            FloatVector s2 = s0;
            FloatVector s3 = s0;
            for (int j = 0; j < vectorEnd; j += LANES) {
                FloatVector xj = FloatVector.fromArray(SPECIES, x, xAt + j);
                s0 = xj.fma(FloatVector.fromArray(SPECIES, matrix, row0 + j), s0);
                s1 = xj.fma(FloatVector.fromArray(SPECIES, matrix, row1 + j), s1);
                s2 = xj.fma(FloatVector.fromArray(SPECIES, matrix, row2 + j), s2);
                s3 = xj.fma(FloatVector.fromArray(SPECIES, matrix, row3 + j), s3);
            }
            out[outAt + p] = finish(sumOfLanes(s0, lanes), x, xAt, vectorEnd, length, matrix, row0);
            out[outAt + p + 1] = finish(sumOfLanes(s1, lanes), x, xAt, vectorEnd, length, matrix, row1);
            out[outAt + p + 2] = finish(sumOfLanes(s2, lanes), x, xAt, vectorEnd, length, matrix, row2);
            out[outAt + p + 3] = finish(sumOfLanes(s3, lanes), x, xAt, vectorEnd, length, matrix, row3);
        }
        for (; p < rowTo; p++) {
            int row = p * matrixStride;
            FloatVector s = FloatVector.zero(SPECIES);
            for (int j = 0; j < vectorEnd; j += LANES) {
                s = FloatVector.fromArray(SPECIES, x, xAt + j).fma(FloatVector.fromArray(SPECIES, matrix, row + j), s);
            }
            out[outAt + p] = finish(sumOfLanes(s, lanes), x, xAt, vectorEnd, length, matrix, row);
        }
    }

    /** The lanes of {@code partial} added in lane order (not {@code reduceLanes}, whose order may vary). */
    private static float sumOfLanes(FloatVector partial, float[] lanes) {
        partial.intoArray(lanes, 0);
        float sum = 0f;
        for (float lane : lanes) {
            sum += lane;
        }
        return sum;
    }

    private static float finish(float sum, float[] x, int xAt, int from, int length, float[] matrix, int row) {
        for (int j = from; j < length; j++) {
            sum = Math.fma(x[xAt + j], matrix[row + j], sum);
        }
        return sum;
    }
}
