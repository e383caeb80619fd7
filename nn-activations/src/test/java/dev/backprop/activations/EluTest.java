package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EluTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.elu(1.0);
    }

    private final Elu elu = new Elu();

    /** The bulk backward reads the derivative off the float output where that is accurate: within 4·10⁻⁶. */
    @Override
    protected double bulkRelativeTolerance() {
        return 5e-6;
    }

    @Override
    ScalarActivation activation() {
        return new Elu();
    }

    @Override
    String expectedId() {
        return "elu";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    @Override
    Hyperparameters expectedHyperparameters() {
        return Hyperparameters.of("alpha", 1.0);
    }

    /**
     * With α = 1 the derivative is continuous (only the second derivative jumps at 0), so there is
     * no kink to avoid; the grid stays 0.01 away from 0 all the same.
     */
    @Override
    protected double[] kinks() {
        return new double[0];
    }

    @Override
    double[][] knownValues() {
        return new double[][] {
            {0, 0},
            {1, 1},
            {2.5, 2.5},
            {-1, -0.63212055882855767840},  // 1/e − 1
            {Math.log(0.5), -0.5},
            {-800, -1},
        };
    }

    /** The whole contract again with α = 0.3, which is not exact in float and puts a kink at 0. */
    @Nested
    class WithAlphaPointThree extends ScalarActivationChecks {

        @Override
        Float64Definition definition() {
            return Float64Definitions.elu(0.3);
        }

        @Override
        protected double bulkRelativeTolerance() {
            return 5e-6;
        }

        @Override
        ScalarActivation activation() {
            return new Elu(0.3);
        }

        @Override
        String expectedId() {
            return "elu";
        }

        @Override
        PluginId expectedInitializer() {
            return Activation.GLOROT_UNIFORM;
        }

        @Override
        Hyperparameters expectedHyperparameters() {
            return Hyperparameters.of("alpha", 0.3);
        }

        /** For α ≠ 1 the derivative jumps from α to 1 at 0. */
        @Override
        protected double[] kinks() {
            return new double[] {0};
        }

        @Override
        double[][] knownValues() {
            return new double[][] {
                {0, 0},
                {2, 2},
                {Math.log(0.5), -0.15},
                {-800, -0.3},
            };
        }
    }

    @Test
    void elu_derivativeReusingTheOutputEqualsAlphaTimesExp() {
        Elu f = new Elu(2.5);
        for (double x = -10; x <= 0; x += 0.25) {
            double expected = 2.5 * Math.exp(x);
            assertEquals(expected, f.derivative(x, f.value(x)), 1e-15, "f'(" + x + ")");
        }
    }

    @Test
    void elu_derivativeAtZeroIsTheLeftValueAlpha() {
        assertEquals(1.0, elu.derivative(0, 0), 0.0);
        assertEquals(0.3, new Elu(0.3).derivative(0, 0), 0.0);
        assertEquals(1.0, new Elu(0.3).derivative(1e-300, 1e-300), 0.0);
    }

    @Test
    void elu_keepsRelativePrecisionForSmallNegativeInputs() {
        // expm1 instead of exp(x) − 1: α(e^x − 1) = α(x + x²/2 + …) to full precision.
        double x = -1e-10;
        assertEquals(x + x * x / 2, elu.value(x), 1e-26);
    }

    @Test
    void elu_bulkSaturatesAtMinusAlphaWithAVanishingGradient() {
        Elu f = new Elu(0.5);
        float[] z = {-1000f, -100f, -Float.MAX_VALUE, Float.MAX_VALUE};
        float[] a = new float[z.length];
        f.forward(z, a, 0, z.length);
        assertEquals(-0.5f, a[0]);
        assertEquals(-0.5f, a[1]);
        assertEquals(-0.5f, a[2]);
        assertEquals(Float.MAX_VALUE, a[3]);
        float[] gradIn = new float[z.length];
        f.backward(z, a, new float[] {1f, 1f, 1f, 1f}, gradIn, 0, z.length);
        assertEquals(0f, gradIn[0], 0f);
        assertEquals((float) (0.5 * Math.exp(-100)), gradIn[1], 0f, "α·e^x, computed from x, is a subnormal float");
        assertEquals(0f, gradIn[2], 0f);
        assertEquals(1f, gradIn[3]);
    }

    @Test
    void elu_nanPropagatesThroughBothPasses() {
        float[] out = new float[1];
        elu.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        elu.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertTrue(Float.isNaN(gradIn[0]));
    }

    // Hyperparameters

    @Test
    void hyperparameters_roundTripThroughWithHyperparameters() {
        Elu changed = elu.withHyperparameters(Hyperparameters.of("alpha", 0.3));
        assertEquals(0.3, changed.alpha(), 0.0);
        assertEquals(Hyperparameters.of("alpha", 0.3), changed.hyperparameters());
        assertEquals(new Elu(0.3), changed);
        assertEquals(-0.3, changed.value(-800), 1e-15);

        assertEquals(changed, new Elu().withHyperparameters(changed.hyperparameters()));
        assertEquals(elu, changed.withHyperparameters(Hyperparameters.of("alpha", 1.0)));
        assertEquals("elu{alpha=0.3}", changed.toString());
        assertNotEquals(elu, changed);
    }

    @Test
    void hyperparameters_unknownNameIsRejectedListingTheAcceptedOnes() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> elu.withHyperparameters(Hyperparameters.of("lambda", 2)));
        assertTrue(e.getMessage().contains("'lambda'"), e.getMessage());
        assertTrue(e.getMessage().contains("elu"), e.getMessage());
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    }

    @Test
    void hyperparameters_outOfRangeAlphaIsRejectedWithRangeAndFix() {
        for (double bad : new double[] {0.0, -0.0, -1.0, 1e39}) {
            InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                    () -> elu.withHyperparameters(Hyperparameters.of("alpha", bad)), "alpha = " + bad);
            String message = e.getMessage();
            assertTrue(message.contains("'alpha'"), message);
            assertTrue(message.contains("'elu'"), message);
            assertTrue(message.contains("must be a number in (0, " + Float.MAX_VALUE + "]"), message);
            // Hyperparameters stores −0.0 as 0.0 (one setting), so the message shows 0.0 for both.
            assertTrue(message.contains(String.valueOf(bad == 0 ? 0.0 : bad)), message);
            assertTrue(message.contains("such as 1.0"), message);
            assertThrows(InvalidHyperparameterException.class, () -> new Elu(bad));
        }
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(InvalidHyperparameterException.class, () -> new Elu(bad), "alpha = " + bad);
        }
    }

    @Test
    void hyperparameters_edgesOfTheRangeAreAccepted() {
        assertEquals(Double.MIN_VALUE, new Elu(Double.MIN_VALUE).alpha(), 0.0);
        assertEquals(Float.MAX_VALUE, new Elu(Float.MAX_VALUE).alpha(), 0.0);
    }

    @Test
    void hyperparameters_changingReturnsANewInstanceAndLeavesTheOriginalAlone() {
        Elu changed = elu.withHyperparameters(Hyperparameters.of("alpha", 2.0));
        assertNotEquals(elu, changed);
        assertEquals(1.0, elu.alpha(), 0.0);
        assertEquals(Hyperparameters.of("alpha", 1.0), elu.hyperparameters());
        assertEquals(-1.0, elu.value(-800), 0.0);
        assertThrows(UnsupportedOperationException.class, () -> elu.hyperparameters().asMap().put("alpha", 0.5));
    }
}
