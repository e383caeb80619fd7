package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.LANES;
import static dev.backprop.core.internal.TileGeometry.SPECIES;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;

/**
 * A row vector times a matrix, {@code out[j] = start[j] + Σ_q x[q]·M[q, j]}, without packing: for each
 * step {@code q} it broadcasts {@code x[q]} and fuses it into up to 16 vectors of the contiguous row
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

    /**
     * Whether blocks of 16 vectors are used: with 16-lane vectors (AVX-512, 32 vector registers); with
     * AVX2's 16 registers, 16 accumulators would not fit.
     */
    private static final boolean WIDE_BLOCKS = LANES >= 16;

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
        if (WIDE_BLOCKS) {
            for (; j + 16 * LANES <= columnTo; j += 16 * LANES) {
                columns16(steps, matrix, j, matrixStride, start, startAt + j, out, outAt + j);
            }
        }
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

    /**
     * Sixteen vectors of columns per step: each weight row is read as one contiguous block of 16 vectors
     * (1 KiB with AVX-512) rather than in two halves on two passes, which streams better from L2.
     */
    private static void columns16(NonZeroSteps steps, float[] matrix, int matrixAt, int matrixStride,
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
        FloatVector s8 = FloatVector.fromArray(SPECIES, start, startAt + 8 * LANES);
        FloatVector s9 = FloatVector.fromArray(SPECIES, start, startAt + 9 * LANES);
        FloatVector s10 = FloatVector.fromArray(SPECIES, start, startAt + 10 * LANES);
        FloatVector s11 = FloatVector.fromArray(SPECIES, start, startAt + 11 * LANES);
        FloatVector s12 = FloatVector.fromArray(SPECIES, start, startAt + 12 * LANES);
        FloatVector s13 = FloatVector.fromArray(SPECIES, start, startAt + 13 * LANES);
        FloatVector s14 = FloatVector.fromArray(SPECIES, start, startAt + 14 * LANES);
        FloatVector s15 = FloatVector.fromArray(SPECIES, start, startAt + 15 * LANES);
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
            s8 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 8 * LANES), s8);
            s9 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 9 * LANES), s9);
            s10 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 10 * LANES), s10);
            s11 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 11 * LANES), s11);
            s12 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 12 * LANES), s12);
            s13 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 13 * LANES), s13);
            s14 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 14 * LANES), s14);
            s15 = x.fma(FloatVector.fromArray(SPECIES, matrix, row + 15 * LANES), s15);
        }
        s0.intoArray(out, outAt);
        s1.intoArray(out, outAt + 1 * LANES);
        s2.intoArray(out, outAt + 2 * LANES);
        s3.intoArray(out, outAt + 3 * LANES);
        s4.intoArray(out, outAt + 4 * LANES);
        s5.intoArray(out, outAt + 5 * LANES);
        s6.intoArray(out, outAt + 6 * LANES);
        s7.intoArray(out, outAt + 7 * LANES);
        s8.intoArray(out, outAt + 8 * LANES);
        s9.intoArray(out, outAt + 9 * LANES);
        s10.intoArray(out, outAt + 10 * LANES);
        s11.intoArray(out, outAt + 11 * LANES);
        s12.intoArray(out, outAt + 12 * LANES);
        s13.intoArray(out, outAt + 13 * LANES);
        s14.intoArray(out, outAt + 14 * LANES);
        s15.intoArray(out, outAt + 15 * LANES);
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
