package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The checks every built-in activation must pass; each activation's test class extends this and
 * supplies the instance and its expected id, initialiser and a few known values.
 */
abstract class ScalarActivationChecks {

    /** Step of the central difference; see {@link #derivative_matchesCentralDifferenceOfValue()}. */
    private static final double H = 1e-5;
    /** Agreement required between the analytic derivative and the central difference. */
    private static final double DERIVATIVE_TOLERANCE = 1e-6;
    /** Agreement required between a float bulk result and the double scalar it approximates. */
    private static final double FLOAT_RELATIVE_TOLERANCE = 1e-6;
    /** Absolute floor for the float comparison: below it float results are subnormal. */
    private static final double FLOAT_ABSOLUTE_FLOOR = Float.MIN_NORMAL;

    private static final int LENGTH = 96;
    private static final int FROM = 7;
    private static final int TO = 81;
    private static final float UNTOUCHED = -12345.5f;

    /** The activation under test. */
    abstract ScalarActivation activation();

    /** The id it must report. */
    abstract String expectedId();

    /** The initialiser it must suggest. */
    abstract PluginId expectedInitializer();

    /** Pairs {@code {x, f(x)}} known exactly or to double precision. */
    abstract double[][] knownValues();

    /**
     * The points where the function has a kink and no derivative. The central-difference check
     * below asserts that none of its sample points lies near one; smooth functions have none.
     */
    double[] kinks() {
        return new double[0];
    }

    /** The settings {@link #activation()} must report; none unless the activation has some. */
    Hyperparameters expectedHyperparameters() {
        return Hyperparameters.none();
    }

    @Test
    void id_isTheExpectedBareBuiltInId() {
        PluginId id = activation().id();
        assertEquals(expectedId(), id.value());
        assertTrue(id.isBuiltInNamespace(), "built-ins use bare ids, found " + id);
    }

    @Test
    void defaultInitializer_suitsTheFunction() {
        assertEquals(expectedInitializer(), activation().defaultInitializer());
    }

    @Test
    void value_matchesKnownPoints() {
        for (double[] point : knownValues()) {
            assertEquals(point[1], activation().value(point[0]), 1e-15, "f(" + point[0] + ")");
        }
    }

    /**
     * The analytic derivative, fed {@code y = f(x)} as core does, must agree with the central
     * difference {@code (f(x+h) − f(x−h)) / 2h}. With {@code h = 1e-5} the truncation error is about
     * {@code h²·|f'''|/6 < 1e-10} and the rounding error about {@code ε·|f|/h < 1e-10} for these
     * smooth functions on [-6, 6], so 1e-6 leaves a wide margin while still catching any wrong
     * formula. The grid is offset by 0.01 from the multiples of 1/8, so every sample point lies at
     * least 0.01 = 1000h away from each integer, where all the piecewise built-ins have their kinks
     * (0 for the ReLU family, ±1 for hard_tanh, ±3 for hard_sigmoid, 6 for relu6); {@link #kinks()}
     * declares them and the test asserts the distance, so a difference never straddles a kink.
     */
    @Test
    void derivative_matchesCentralDifferenceOfValue() {
        ScalarActivation f = activation();
        for (int k = 0; k <= 96; k++) {
            double x = -6.0 + 0.125 * k + 0.01;
            for (double kink : kinks()) {
                assertTrue(Math.abs(x - kink) > 100 * H,
                        "sample point " + x + " is too close to the kink at " + kink + " for a central difference");
            }
            double numeric = (f.value(x + H) - f.value(x - H)) / (2 * H);
            double analytic = f.derivative(x, f.value(x));
            double error = Math.abs(analytic - numeric) / Math.max(1.0, Math.abs(numeric));
            assertTrue(error < DERIVATIVE_TOLERANCE,
                    "f'(" + x + "): analytic " + analytic + " vs central difference " + numeric);
        }
    }

    @Test
    void forward_matchesScalarValueInsideRangeAndLeavesTheRestUntouched() {
        float[] z = randomInputs(1);
        float[] zBefore = z.clone();
        float[] out = filled(UNTOUCHED);

        activation().forward(z, out, FROM, TO);

        assertArrayEquals(zBefore, z, "the input must not change");
        for (int i = 0; i < LENGTH; i++) {
            if (i < FROM || i >= TO) {
                assertEquals(UNTOUCHED, out[i], "out[" + i + "] lies outside [from, to)");
            } else {
                assertCloseToDouble(activation().value(z[i]), out[i], "f(" + z[i] + ") at " + i);
            }
        }
    }

    @Test
    void forward_inPlaceGivesTheSameResultAsSeparateArrays() {
        float[] z = randomInputs(2);
        float[] separate = z.clone();
        activation().forward(z, separate, FROM, TO);

        float[] aliased = z.clone();
        activation().forward(aliased, aliased, FROM, TO);

        assertArrayEquals(separate, aliased);
    }

    @Test
    void backward_matchesScalarDerivativeInsideRangeAndLeavesTheRestUntouched() {
        float[] z = randomInputs(3);
        float[] a = new float[LENGTH];
        activation().forward(z, a, 0, LENGTH);
        float[] gradOut = randomInputs(4);
        float[] gradOutBefore = gradOut.clone();
        float[] gradIn = filled(UNTOUCHED);

        activation().backward(z, a, gradOut, gradIn, FROM, TO);

        assertArrayEquals(gradOutBefore, gradOut, "gradOut must not change");
        for (int i = 0; i < LENGTH; i++) {
            if (i < FROM || i >= TO) {
                assertEquals(UNTOUCHED, gradIn[i], "gradIn[" + i + "] lies outside [from, to)");
            } else {
                double expected = gradOut[i] * activation().derivative(z[i], a[i]);
                assertCloseToDouble(expected, gradIn[i], "gradient at z=" + z[i] + ", index " + i);
            }
        }
    }

    @Test
    void backward_inPlaceGivesTheSameResultAsSeparateArrays() {
        float[] z = randomInputs(5);
        float[] a = new float[LENGTH];
        activation().forward(z, a, 0, LENGTH);
        float[] gradOut = randomInputs(6);
        float[] separate = gradOut.clone();
        activation().backward(z, a, gradOut, separate, FROM, TO);

        float[] aliased = gradOut.clone();
        activation().backward(z, a, aliased, aliased, FROM, TO);

        assertArrayEquals(separate, aliased);
    }

    @Test
    void bulkMethods_doNothingOnAnEmptyRange() {
        float[] z = randomInputs(7);
        float[] out = filled(UNTOUCHED);
        activation().forward(z, out, FROM, FROM);
        activation().backward(z, z, z, out, FROM, FROM);
        assertArrayEquals(filled(UNTOUCHED), out);
    }

    /**
     * Every activation reports its settings and accepts a change that changes nothing (no settings,
     * or its current ones) by returning itself. An unknown name is refused with a message naming the
     * name and the activation; "alpha" is the likely mistake on an activation without settings, and
     * PyTorch's "negative_slope" on one that calls its setting alpha.
     */
    @Test
    void hyperparameters_areTheExpectedOnesAndAnUnchangingRequestReturnsTheSameInstance() {
        ScalarActivation f = activation();
        assertEquals(expectedHyperparameters(), f.hyperparameters());
        assertSame(f, f.withHyperparameters(Hyperparameters.none()));
        assertSame(f, f.withHyperparameters(f.hyperparameters()));

        String unknown = f.hyperparameters().contains("alpha") ? "negative_slope" : "alpha";
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> f.withHyperparameters(Hyperparameters.of(unknown, 0.1)));
        assertTrue(e.getMessage().contains(unknown), e.getMessage());
        assertTrue(e.getMessage().contains(expectedId()), e.getMessage());
    }

    @Test
    void equality_dependsOnlyOnTheFunctionAndItsSettings() {
        Activation f = activation();
        assertEquals(f, activation());
        assertEquals(f.hashCode(), activation().hashCode());
        String settings = expectedHyperparameters().isEmpty() ? "" : expectedHyperparameters().toString();
        assertEquals(expectedId() + settings, f.toString());
        assertNotEquals(f, new Object());
    }

    /** NaN must survive the forward pass, scalar and bulk, so that core can detect a diverging network. */
    @Test
    void forward_propagatesNan() {
        assertTrue(Double.isNaN(activation().value(Double.NaN)), "f(NaN)");
        float[] out = {0f, 0f, 0f};
        activation().forward(new float[] {1f, Float.NaN, -1f}, out, 0, 3);
        assertTrue(Float.isNaN(out[1]), "bulk f(NaN) was " + out[1]);
        assertTrue(!Float.isNaN(out[0]) && !Float.isNaN(out[2]), "NaN must not leak into neighbours");
    }

    /** Uniform values in [-8, 8] plus saturating extremes and zero, placed inside [FROM, TO). */
    private static float[] randomInputs(long seed) {
        Random random = new Random(seed);
        float[] values = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            values[i] = (random.nextFloat() * 2f - 1f) * 8f;
        }
        float[] extremes = {-100f, -30f, -0f, 0f, 30f, 100f};
        System.arraycopy(extremes, 0, values, FROM + 3, extremes.length);
        return values;
    }

    private static float[] filled(float value) {
        float[] array = new float[LENGTH];
        Arrays.fill(array, value);
        return array;
    }

    private static void assertCloseToDouble(double expected, float actual, String what) {
        double tolerance = FLOAT_RELATIVE_TOLERANCE * Math.abs(expected) + FLOAT_ABSOLUTE_FLOOR;
        assertEquals(expected, actual, tolerance, what);
    }
}
