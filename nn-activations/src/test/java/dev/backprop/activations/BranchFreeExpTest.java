package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.activation.ScalarActivation;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link BranchFreeExp} against {@link Math#exp} and {@link Math#expm1} over its whole range, and the bulk
 * passes that use it (the sigmoid's forward and backward, tanh's forward) against their scalar
 * definitions rounded to float: within one float ulp everywhere, and equal on all but a vanishing share
 * of random inputs.
 */
class BranchFreeExpTest {

    @Test
    void exp_isWithinAFewDoubleUlpsOfMathExp_overItsRange() {
        SplittableRandom random = new SplittableRandom(5);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double t = BranchFreeExp.MIN_ARGUMENT
                    + random.nextDouble() * (BranchFreeExp.MAX_ARGUMENT - BranchFreeExp.MIN_ARGUMENT);
            double expected = Math.exp(t);
            worst = Math.max(worst, Math.abs(BranchFreeExp.exp(t) - expected) / expected);
        }
        for (double t : new double[] {0, -0.0, 1, -1, Math.log(2), 0.5 * Math.log(2), -0.5 * Math.log(2), 40, -40,
                BranchFreeExp.MIN_ARGUMENT, BranchFreeExp.MAX_ARGUMENT}) {
            double expected = Math.exp(t);
            worst = Math.max(worst, Math.abs(BranchFreeExp.exp(t) - expected) / expected);
        }
        assertTrue(worst < 1e-14, "worst relative error " + worst + ", expected below 1e-14");
        assertEquals(1.0, BranchFreeExp.exp(0), 0.0, "e^0");
    }

    @Test
    void exp_ofNanIsNan() {
        assertTrue(Double.isNaN(BranchFreeExp.exp(Double.NaN)));
    }

    @Test
    void sigmoidForward_isTheRoundedDefinition_toWithinOneUlp_andAlmostAlwaysExactly() {
        Sigmoid sigmoid = new Sigmoid();
        SplittableRandom random = new SplittableRandom(9);
        int n = 200_000;
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) (random.nextBoolean() ? random.nextGaussian() * 4 : (random.nextDouble() - 0.5) * 240);
        }
        checkForward(sigmoid, z, sigmoid::value);
    }

    @Test
    void sigmoidBackward_beyondTheOutputShortcut_isTheDerivativeOfTheDefinition() {
        checkSaturatedBackward(new Sigmoid(), Sigmoid.FROM_OUTPUT_UP_TO, 800);
    }

    @Test
    void expm1_keepsRelativePrecision_fromTinyArgumentsToTheEndsOfItsRange() {
        SplittableRandom random = new SplittableRandom(21);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            double t = i % 2 == 0
                    ? BranchFreeExp.MIN_ARGUMENT + random.nextDouble() * (BranchFreeExp.MAX_ARGUMENT - BranchFreeExp.MIN_ARGUMENT)
                    : (random.nextDouble() - 0.5) * Math.pow(10, -random.nextInt(0, 300));
            double expected = Math.expm1(t);
            if (expected != 0) {
                worst = Math.max(worst, Math.abs(BranchFreeExp.expm1(t) - expected) / Math.abs(expected));
            }
        }
        assertTrue(worst < 1e-14, "worst relative error " + worst + ", expected below 1e-14");
        assertEquals(0.0, BranchFreeExp.expm1(0), 0.0);
        assertEquals(-1.0, BranchFreeExp.expm1(BranchFreeExp.MIN_ARGUMENT), 0.0);
        assertTrue(Double.isNaN(BranchFreeExp.expm1(Double.NaN)));
    }

    @Test
    void tanhForward_isTheRoundedDefinition_toWithinOneUlp_andKeepsSignsAndExtremes() {
        Tanh tanh = new Tanh();
        SplittableRandom random = new SplittableRandom(17);
        int n = 200_000;
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = (float) switch (i % 3) {
                case 0 -> random.nextGaussian() * 3;
                case 1 -> (random.nextDouble() - 0.5) * 120;
                default -> (random.nextDouble() - 0.5) * Math.pow(10, -random.nextInt(0, 40));
            };
        }
        checkForward(tanh, z, Math::tanh);
        float[] extremes = {-0f, 0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 1e-40f, -1e-40f};
        float[] ends = new float[extremes.length];
        tanh.forward(extremes, ends, 0, extremes.length);
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(ends[0]), "tanh(−0) = −0");
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(ends[1]), "tanh(+0) = +0");
        assertEquals(1f, ends[2]);
        assertEquals(-1f, ends[3]);
        assertTrue(Float.isNaN(ends[4]), "NaN in gives NaN out");
        assertEquals(1e-40f, ends[5], "tanh of a subnormal is itself");
        assertEquals(-1e-40f, ends[6]);
    }

    @Test
    void tanhBackward_beyondTheOutputShortcut_isTheDerivativeOfTheDefinition() {
        checkSaturatedBackward(new Tanh(), Tanh.FROM_OUTPUT_UP_TO, 400);
    }

    /**
     * The bulk forward on {@code z} is {@code definition} rounded to float within one ulp everywhere, and
     * exactly on all but 2 of the inputs.
     */
    private static void checkForward(ScalarActivation activation, float[] z, DoubleUnaryOperator definition) {
        float[] out = new float[z.length];
        activation.forward(z, out, 0, z.length);
        int inexact = 0;
        for (int i = 0; i < z.length; i++) {
            float expected = (float) definition.applyAsDouble(z[i]);
            int ulps = Math.abs(Float.floatToIntBits(out[i]) - Float.floatToIntBits(expected));
            assertTrue(ulps <= 1, activation + "(" + z[i] + ") = " + out[i] + ", the definition rounds to " + expected);
            inexact += ulps;
        }
        assertTrue(inexact <= 2, inexact + " of " + z.length + " results one ulp away from the rounded definition");
    }

    /**
     * The bulk backward at {@code shortcutEnd < |x| < shortcutEnd + span}, where it computes the
     * derivative from {@code x} with the branch-free exponential, is the scalar derivative rounded to
     * float (within one ulp), for gradients of 1, 1e10 and the largest float; very large and infinite
     * inputs give 0 even for the largest gradient, and NaN gives NaN.
     */
    private static void checkSaturatedBackward(ScalarActivation activation, double shortcutEnd, double span) {
        SplittableRandom random = new SplittableRandom(13);
        int n = 100_000;
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            double magnitude = shortcutEnd + random.nextDouble() * span;
            z[i] = (float) (random.nextBoolean() ? magnitude : -magnitude);
        }
        float[] a = new float[n];
        activation.forward(z, a, 0, n);
        float[] gradOut = new float[n];
        for (int i = 0; i < n; i++) {
            gradOut[i] = i % 2 == 0 ? 1f : i % 4 == 1 ? 1e10f : Float.MAX_VALUE;
        }
        float[] gradIn = new float[n];
        activation.backward(z, a, gradOut, gradIn, 0, n);
        for (int i = 0; i < n; i++) {
            float expected = (float) (gradOut[i] * activation.derivative(z[i], a[i]));
            int ulps = Math.abs(Float.floatToIntBits(gradIn[i]) - Float.floatToIntBits(expected));
            assertTrue(ulps <= 1, gradOut[i] + " · " + activation + "'(" + z[i] + ") = " + gradIn[i]
                    + ", the definition rounds to " + expected);
        }
        float[] extremes = {1000f, -1000f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN};
        float[] out = new float[extremes.length];
        float[] largest = new float[extremes.length];
        Arrays.fill(largest, Float.MAX_VALUE);
        activation.backward(extremes, new float[extremes.length], largest, out, 0, extremes.length);
        for (int i = 0; i < 4; i++) {
            assertEquals(0f, out[i], activation + "'(" + extremes[i] + ")");
        }
        assertTrue(Float.isNaN(out[4]), "NaN in gives NaN out");
    }
}
