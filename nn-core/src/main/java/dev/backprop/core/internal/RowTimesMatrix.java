package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.LANES;
import static dev.backprop.core.internal.TileGeometry.SPECIES;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * A row vector times a matrix, {@code out[j] = start[j] + Σ_q x[q]·M[q, j]}, without packing: for each
 * step {@code q} it broadcasts {@code x[q]} and fuses it into up to 8 vectors of the contiguous row
 * {@code M[q, ·]}. This is the fast path for a batch of one or a few rows (inference), where copying
 * the weights into panels would cost as much as the product.
 *
 * <p>Steps whose {@code x[q]} is exactly zero are skipped (the non-zero steps are listed first, so the
 * vector loops have no branch), which pays off on sparse inputs such as images and ReLU outputs; apart
 * from the sign of a zero result and the propagation of non-finite weights, skipping changes nothing.
 * Each element is one chain of fused multiply-adds over the non-zero {@code q} in increasing order,
 * whichever block of columns it falls in.
 */
final class RowTimesMatrix {

    private RowTimesMatrix() {
    }

    /**
     * Columns {@code [columnFrom, columnTo)} of {@code out = start + x·M}, where {@code x} is given by its
     * non-zero {@code steps}, {@code M[q, j] = matrix[q·matrixStride + j]}, and column {@code j} of
     * {@code start} and {@code out} is at {@code startAt + j} and {@code outAt + j}. {@code start} and
     * {@code out} may be the same array at the same offset. {@code lanes} is scratch space for one vector.
     */
    static void multiply(NonZeroSteps steps, float[] matrix, int matrixStride, float[] start, int startAt,
                         float[] out, int outAt, int columnFrom, int columnTo, float[] lanes) {
        int j = columnFrom;
        for (; j + 8 * LANES <= columnTo; j += 8 * LANES) {
            columns8(steps, matrix, j, matrixStride, start, startAt + j, out, outAt + j);
        }
        if (j + 4 * LANES <= columnTo) {
            columns4(steps, matrix, j, matrixStride, start, startAt + j, out, outAt + j);
            j += 4 * LANES;
        }
        if (j + 2 * LANES <= columnTo) {
            columns2(steps, matrix, j, matrixStride, start, startAt + j, out, outAt + j);
            j += 2 * LANES;
        }
        if (j + LANES <= columnTo) {
            columns1(steps, matrix, j, matrixStride, start, startAt + j, out, outAt + j);
            j += LANES;
        }
        if (j < columnTo) {
            narrowColumns(steps, matrix, j, matrixStride, start, startAt + j, out, outAt + j, columnTo - j, lanes);
        }
    }

    private static void columns8(NonZeroSteps steps, float[] matrix, int matrixAt, int matrixStride,
                                 float[] start, int startAt, float[] out, int outAt) {
        int[] index = steps.index();
        float[] value = steps.value();
        int count = steps.count();
        FloatVector s0 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector s1 = FloatVector.fromArray(SPECIES, start, startAt + 1 * LANES);
        FloatVector s2 = FloatVector.fromArray(SPECIES, start, startAt + 2 * LANES);
        FloatVector s3 = FloatVector.fromArray(SPECIES, start, startAt + 3 * LANES);
        FloatVector s4 = FloatVector.fromArray(SPECIES, start, startAt + 4 * LANES);
        FloatVector s5 = FloatVector.fromArray(SPECIES, start, startAt + 5 * LANES);
        FloatVector s6 = FloatVector.fromArray(SPECIES, start, startAt + 6 * LANES);
        FloatVector s7 = FloatVector.fromArray(SPECIES, start, startAt + 7 * LANES);
        for (int t = 0; t < count; t++) {
            FloatVector x = FloatVector.broadcast(SPECIES, value[t]);
            int row = matrixAt + index[t] * matrixStride;
            s0 = x.fma(FloatVector.fromArray(SPECIES, matrix, row), s0);
            s1 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 1 * LANES), s1);
            s2 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 2 * LANES), s2);
            s3 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 3 * LANES), s3);
            s4 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 4 * LANES), s4);
            s5 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 5 * LANES), s5);
            s6 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 6 * LANES), s6);
            s7 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 7 * LANES), s7);
        }
        s0.intoArray(out, outAt);
        s1.intoArray(out, outAt + 1 * LANES);
        s2.intoArray(out, outAt + 2 * LANES);
        s3.intoArray(out, outAt + 3 * LANES);
        s4.intoArray(out, outAt + 4 * LANES);
        s5.intoArray(out, outAt + 5 * LANES);
        s6.intoArray(out, outAt + 6 * LANES);
        s7.intoArray(out, outAt + 7 * LANES);
    }

    private static void columns4(NonZeroSteps steps, float[] matrix, int matrixAt, int matrixStride,
                                 float[] start, int startAt, float[] out, int outAt) {
        int[] index = steps.index();
        float[] value = steps.value();
        int count = steps.count();
        FloatVector s0 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector s1 = FloatVector.fromArray(SPECIES, start, startAt + 1 * LANES);
        FloatVector s2 = FloatVector.fromArray(SPECIES, start, startAt + 2 * LANES);
        FloatVector s3 = FloatVector.fromArray(SPECIES, start, startAt + 3 * LANES);
        for (int t = 0; t < count; t++) {
            FloatVector x = FloatVector.broadcast(SPECIES, value[t]);
            int row = matrixAt + index[t] * matrixStride;
            s0 = x.fma(FloatVector.fromArray(SPECIES, matrix, row), s0);
            s1 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 1 * LANES), s1);
            s2 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 2 * LANES), s2);
            s3 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 3 * LANES), s3);
        }
        s0.intoArray(out, outAt);
        s1.intoArray(out, outAt + 1 * LANES);
        s2.intoArray(out, outAt + 2 * LANES);
        s3.intoArray(out, outAt + 3 * LANES);
    }

    private static void columns2(NonZeroSteps steps, float[] matrix, int matrixAt, int matrixStride,
                                 float[] start, int startAt, float[] out, int outAt) {
        int[] index = steps.index();
        float[] value = steps.value();
        int count = steps.count();
        FloatVector s0 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector s1 = FloatVector.fromArray(SPECIES, start, startAt + 1 * LANES);
        for (int t = 0; t < count; t++) {
            FloatVector x = FloatVector.broadcast(SPECIES, value[t]);
            int row = matrixAt + index[t] * matrixStride;
            s0 = x.fma(FloatVector.fromArray(SPECIES, matrix, row), s0);
            s1 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 1 * LANES), s1);
        }
        s0.intoArray(out, outAt);
        s1.intoArray(out, outAt + 1 * LANES);
    }

    private static void columns1(NonZeroSteps steps, float[] matrix, int matrixAt, int matrixStride,
                                 float[] start, int startAt, float[] out, int outAt) {
        int[] index = steps.index();
        float[] value = steps.value();
        int count = steps.count();
        FloatVector s0 = FloatVector.fromArray(SPECIES, start, startAt);
        for (int t = 0; t < count; t++) {
            FloatVector x = FloatVector.broadcast(SPECIES, value[t]);
            int row = matrixAt + index[t] * matrixStride;
            s0 = x.fma(FloatVector.fromArray(SPECIES, matrix, row), s0);
        }
        s0.intoArray(out, outAt);
    }

    /**
     * Fewer columns than a vector holds: one vector of sums whose extra lanes are ignored. While a whole
     * vector can be read from the matrix row (the extra lanes read whatever follows the row), the row is
     * fused in as a vector; the last steps, whose rows end too close to the end of the array, are done
     * lane by lane with the same fused multiply-add.
     */
    private static void narrowColumns(NonZeroSteps steps, float[] matrix, int matrixAt, int matrixStride,
                                      float[] start, int startAt, float[] out, int outAt, int columns,
                                      float[] lanes) {
        int[] index = steps.index();
        float[] value = steps.value();
        int count = steps.count();
        int wholeRows = count;
        while (wholeRows > 0 && matrixAt + index[wholeRows - 1] * matrixStride + LANES > matrix.length) {
            wholeRows--;
        }
        Arrays.fill(lanes, 0f);
        System.arraycopy(start, startAt, lanes, 0, columns);
        FloatVector sum = FloatVector.fromArray(SPECIES, lanes, 0);
        for (int t = 0; t < wholeRows; t++) {
            sum = FloatVector.broadcast(SPECIES, value[t])
                    .fma(FloatVector.fromArray(SPECIES, matrix, matrixAt + index[t] * matrixStride), sum);
        }
        sum.intoArray(lanes, 0);
        for (int t = wholeRows; t < count; t++) {
            int row = matrixAt + index[t] * matrixStride;
            for (int j = 0; j < columns; j++) {
                lanes[j] = Math.fma(value[t], matrix[row + j], lanes[j]);
            }
        }
        System.arraycopy(lanes, 0, out, outAt, columns);
    }
}
