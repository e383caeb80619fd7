package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BranchFreeExp} against {@link Math#exp} over its whole range, and the sigmoid's bulk forward,
 * which uses it, against the sigmoid's scalar definition rounded to float: within one float ulp
 * everywhere, and equal on all but a vanishing share of random inputs.
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
        float[] out = new float[n];
        sigmoid.forward(z, out, 0, n);
        int inexact = 0;
        for (int i = 0; i < n; i++) {
            float expected = (float) sigmoid.value(z[i]);
            int ulps = Math.abs(Float.floatToIntBits(out[i]) - Float.floatToIntBits(expected));
            assertTrue(ulps <= 1, "σ(" + z[i] + ") = " + out[i] + ", the definition rounds to " + expected);
            inexact += ulps;
        }
        assertTrue(inexact <= 2, inexact + " of " + n + " results one ulp away from the rounded definition");
    }
}
