package dev.backprop.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract of a row-wise activation such as softmax, where each output depends on the whole row
 * of inputs: the vector–Jacobian product against central differences, rows computed independently of
 * each other and of the range asked for, finite outputs for large inputs, and NaN propagation.
 * Extend it and adapt the function under test with {@link #function()}.
 */
public abstract class RowFunctionContract {

    /** A row-wise function: forward and its vector–Jacobian product over rows {@code [rowFrom, rowTo)}. */
    public interface RowFunction {
        /** {@code a = f(z)} row by row. */
        void forward(float[] z, float[] a, int rowFrom, int rowTo, int width);

        /** {@code gradZ = (∂a/∂z)ᵀ · gradA} row by row, given {@code a = f(z)}. */
        void backward(float[] z, float[] a, float[] gradA, float[] gradZ, int rowFrom, int rowTo, int width);
    }

    private static final int ROWS = 4;
    private static final int WIDTH = 5;

    /** The function under test. */
    protected abstract RowFunction function();

    /**
     * What failure messages call the function, such as its plugin id ({@code softmax}); the test
     * class's name by default.
     */
    protected String name() {
        return getClass().getSimpleName();
    }

    /**
     * Central differences of {@code Σ gradA·f(z)} with respect to each {@code z}, in double from
     * float outputs: h = 1e-3 keeps the rounding error near 1e-4 (float's 6e-8 over 2h) and the
     * truncation near h² = 1e-6, so 1e-3 absolute separates a right derivative from a wrong one.
     */
    @Test
    public void backward_matchesCentralDifferencesOfTheWeightedOutput() {
        Random random = new Random(7);
        float[] z = randoms(random, ROWS * WIDTH, 3);
        float[] gradA = randoms(random, ROWS * WIDTH, 1);
        float[] a = new float[z.length];
        function().forward(z, a, 0, ROWS, WIDTH);
        float[] gradZ = new float[z.length];
        function().backward(z, a, gradA, gradZ, 0, ROWS, WIDTH);
        double h = 1e-3;
        double allowed = 1e-3;
        for (int i = 0; i < z.length; i++) {
            double numeric = (weighted(z, gradA, i, h) - weighted(z, gradA, i, -h)) / (2 * h);
            if (DerivativeMismatch.differ(gradZ[i], numeric, allowed)) {
                fail(DerivativeMismatch.describe(name(), "∂(Σ gradA·f(z))/∂z[" + i + "] (row " + i / WIDTH
                        + ") at input z = " + z[i], gradZ[i], numeric, allowed));
            }
        }
    }

    @Test
    public void forward_rowsAreIndependentOfTheRangeAskedFor() {
        Random random = new Random(3);
        float[] z = randoms(random, ROWS * WIDTH, 2);
        float[] whole = new float[z.length];
        function().forward(z, whole, 0, ROWS, WIDTH);
        float[] byRows = new float[z.length];
        for (int row = 0; row < ROWS; row++) {
            function().forward(z, byRows, row, row + 1, WIDTH);
        }
        assertArrayEquals(whole, byRows, name() + ": forward row by row must equal the whole-range forward");
        float[] partial = new float[z.length];
        function().forward(z, partial, 1, 3, WIDTH);
        for (int i = 0; i < z.length; i++) {
            boolean inside = i >= WIDTH && i < 3 * WIDTH;
            assertEquals(inside ? whole[i] : 0f, partial[i], name() + ": element " + i + (inside
                    ? " inside rows [1, 3) must equal the whole-range forward"
                    : " outside rows [1, 3) must stay untouched"));
        }
    }

    @Test
    public void forward_largeInputsStayFinite() {
        float[] z = {1000f, 1001f, -1000f, 0f, 999f};
        float[] a = new float[WIDTH];
        function().forward(z, a, 0, 1, WIDTH);
        for (float v : a) {
            assertTrue(Float.isFinite(v), name() + ": forward of inputs near ±1000 gave " + v + ", expected finite");
        }
    }

    @Test
    public void forward_nanInARowGivesNaNInThatRowOnly() {
        float[] z = new float[2 * WIDTH];
        z[2] = Float.NaN;
        float[] a = new float[z.length];
        function().forward(z, a, 0, 2, WIDTH);
        assertTrue(Float.isNaN(a[2]), name() + ": forward of a NaN input gave " + a[2] + ", expected NaN");
        for (int i = WIDTH; i < 2 * WIDTH; i++) {
            assertTrue(Float.isFinite(a[i]), name() + ": a NaN in one row must leave the other row finite");
        }
    }

    private double weighted(float[] z, float[] gradA, int index, double delta) {
        float[] shifted = z.clone();
        shifted[index] += (float) delta;
        float[] a = new float[z.length];
        function().forward(shifted, a, 0, ROWS, WIDTH);
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += gradA[i] * (double) a[i];
        }
        return sum;
    }

    private static float[] randoms(Random random, int size, double scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * scale);
        }
        return values;
    }
}
