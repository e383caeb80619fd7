package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kernel (loops and Vector API) on every path (row kernels for batches under 4, packed panels
 * above) against a double-precision reference, on shapes that leave ragged tiles: batch not a multiple
 * of the register tile (8, 6 or 4 rows), widths below one vector, the 10-wide output layer, and shapes that span several
 * row, column and depth blocks. Each product is computed whole
 * and in 2 and 3 parts, which must agree bit for bit and write disjoint shares.
 */
class KernelProductsTest {

    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 784, 256}, {1, 256, 128}, {1, 128, 10}, {1, 33, 47}, {2, 70, 47}, {3, 5, 7},
        {4, 9, 3}, {5, 100, 10}, {17, 33, 9}, {33, 70, 47}, {32, 100, 10}, {9, 17, 130}, {64, 300, 70},
        {128, 784, 256}, {40, 600, 1100}, {300, 20, 40}, {260, 3, 5},
        // left read in place (at most four tiles of columns): C1's first layer; a last panel wider than a
        // vector, with ragged rows and two blocks of steps
        {32, 784, 100}, {41, 130, 120}, {24, 50, 60},
    };

    static Stream<Arguments> kernelsAndShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (MatrixKernels kernels : allKernels()) {
            for (int[] shape : SHAPES) {
                cases.add(Arguments.of(kernels, shape[0], shape[1], shape[2]));
            }
        }
        return cases.stream();
    }

    static List<MatrixKernels> allKernels() {
        List<MatrixKernels> kernels = new ArrayList<>();
        kernels.add(MatrixKernels.loops());
        MatrixKernels.vector().ifPresent(kernels::add);
        return kernels;
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("kernelsAndShapes")
    void forward_matchesReference_andIsTheSameInAnyNumberOfParts(MatrixKernels kernels, int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(31L * m + 7L * k + n);
        float[] a = ProductReference.random(m * k, 0.3, random);
        float[] b = ProductReference.random(k * n, 0, random);
        float[] bias = ProductReference.random(n, 0, random);
        double[] expected = ProductReference.multiplyAddBias(a, b, bias, m, k, n);

        float[] whole = null;
        for (int parts = 1; parts <= 3; parts++) {
            float[] c = nans(m * n);
            for (int part = 0; part < parts; part++) {
                kernels.multiplyAddBias(a, b, bias, c, m, k, n, part, parts);
            }
            ProductReference.assertClose(expected, c, k, kernels.name() + " X·W + b in " + parts + " parts");
            whole = sameAsWhole(whole, c, parts);
        }
        assertSharesAreDisjoint(m * n, (c, part, parts) -> kernels.multiplyAddBias(a, b, bias, c, m, k, n, part, parts));
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("kernelsAndShapes")
    void weightGradient_accumulatesReference_andIsTheSameInAnyNumberOfParts(MatrixKernels kernels, int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(17L * m + 5L * k + n);
        float[] a = ProductReference.random(m * k, 0.3, random);
        float[] d = ProductReference.random(m * n, 0, random);
        float[] start = ProductReference.random(k * n, 0, random);
        double[] expected = ProductReference.accumulateTransposedLeft(a, d, start, m, k, n);

        float[] whole = null;
        for (int parts = 1; parts <= 3; parts++) {
            float[] c = start.clone();
            for (int part = 0; part < parts; part++) {
                kernels.accumulateTransposedLeft(a, d, c, m, k, n, part, parts);
            }
            ProductReference.assertClose(expected, c, m, kernels.name() + " gradW += Xᵀ·D in " + parts + " parts");
            whole = sameAsWhole(whole, c, parts);
        }
    }

    /** Overwriting gives, bit for bit, what accumulating into zeros gives, whatever {@code c} held before. */
    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("kernelsAndShapes")
    void weightGradient_overwriting_equalsAccumulatingIntoZeros_inAnyNumberOfParts(MatrixKernels kernels, int m, int k,
                                                                                  int n) {
        SplittableRandom random = new SplittableRandom(19L * m + 7L * k + n);
        float[] a = ProductReference.random(m * k, 0.3, random);
        float[] d = ProductReference.random(m * n, 0.1, random);
        float[] accumulated = new float[k * n];
        kernels.accumulateTransposedLeft(a, d, accumulated, m, k, n, 0, 1);
        for (int parts = 1; parts <= 3; parts++) {
            float[] c = ProductReference.random(k * n, 0, random);
            for (int part = 0; part < parts; part++) {
                kernels.multiplyTransposedLeft(a, d, c, m, k, n, part, parts);
            }
            for (int i = 0; i < c.length; i++) {
                assertEquals(Float.floatToRawIntBits(accumulated[i]), Float.floatToRawIntBits(c[i]),
                        kernels.name() + " gradW = Xᵀ·D in " + parts + " parts, at " + i);
            }
        }
        assertSharesAreDisjoint(k * n, (c, part, parts) -> kernels.multiplyTransposedLeft(a, d, c, m, k, n, part, parts));
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @MethodSource("kernelsAndShapes")
    void inputGradient_matchesReference_andIsTheSameInAnyNumberOfParts(MatrixKernels kernels, int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(13L * m + 3L * k + n);
        float[] d = ProductReference.random(m * n, 0.1, random);
        float[] b = ProductReference.random(k * n, 0, random);
        double[] expected = ProductReference.multiplyTransposedRight(d, b, m, k, n);

        float[] whole = null;
        for (int parts = 1; parts <= 3; parts++) {
            float[] c = nans(m * k);
            for (int part = 0; part < parts; part++) {
                kernels.multiplyTransposedRight(d, b, c, m, k, n, part, parts);
            }
            ProductReference.assertClose(expected, c, n, kernels.name() + " D·Wᵀ in " + parts + " parts");
            whole = sameAsWhole(whole, c, parts);
        }
        assertSharesAreDisjoint(m * k, (c, part, parts) -> kernels.multiplyTransposedRight(d, b, c, m, k, n, part, parts));
    }

    private static float[] sameAsWhole(float[] whole, float[] result, int parts) {
        if (whole == null) {
            return result;
        }
        assertArrayEquals(whole, result, "in " + parts + " parts, bit for bit as in one");
        return whole;
    }

    /** Runs each part alone on an output full of NaN: each element must be written by exactly one part. */
    private static void assertSharesAreDisjoint(int size, ShareRun run) {
        for (int parts = 2; parts <= 3; parts++) {
            int[] writers = new int[size];
            for (int part = 0; part < parts; part++) {
                float[] c = nans(size);
                run.run(c, part, parts);
                for (int i = 0; i < size; i++) {
                    if (!Float.isNaN(c[i])) {
                        writers[i]++;
                    }
                }
            }
            for (int i = 0; i < size; i++) {
                assertTrue(writers[i] == 1, "element " + i + " written by " + writers[i] + " of " + parts + " parts");
            }
        }
    }

    private static float[] nans(int size) {
        float[] values = new float[size];
        Arrays.fill(values, Float.NaN);
        return values;
    }

    @FunctionalInterface
    private interface ShareRun {
        void run(float[] out, int part, int parts);
    }
}
