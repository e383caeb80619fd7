package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class LeakyReluTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.leakyRelu(0.01);
    }

    private final LeakyRelu leaky = new LeakyRelu();

    @Override
    ScalarActivation activation() {
        return new LeakyRelu();
    }

    @Override
    String expectedId() {
        return "leaky_relu";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.HE_NORMAL;
    }

    @Override
    Hyperparameters expectedHyperparameters() {
        return Hyperparameters.of("alpha", 0.01);
    }

    /** The kink at 0; the central-difference check keeps its sample points away from it. */
    @Override
    protected double[] kinks() {
        return new double[] {0};
    }

    @Override
    double[][] knownValues() {
        return new double[][] {
            {-3, -0.03},
            {-100, -1},
            {0, 0},
            {2.5, 2.5},
            {1e30, 1e30},
        };
    }

    /** The whole contract again with a non-default α, which is not exact in float. */
    @Nested
    class WithAlphaOneFifth extends ScalarActivationChecks {

        @Override
        Float64Definition definition() {
            return Float64Definitions.leakyRelu(0.2);
        }

        @Override
        ScalarActivation activation() {
            return new LeakyRelu(0.2);
        }

        @Override
        String expectedId() {
            return "leaky_relu";
        }

        @Override
        PluginId expectedInitializer() {
            return Activation.HE_NORMAL;
        }

        @Override
        Hyperparameters expectedHyperparameters() {
            return Hyperparameters.of("alpha", 0.2);
        }

        @Override
        protected double[] kinks() {
            return new double[] {0};
        }

        @Override
        double[][] knownValues() {
            return new double[][] {
                {-3, -0.6},
                {0, 0},
                {2.5, 2.5},
            };
        }
    }

    @Test
    void leakyRelu_usesSlopeAlphaBelowZeroAndAtTheKink() {
        assertEquals(0.01, leaky.derivative(-5, -0.05), 0.0);
        assertEquals(0.01, leaky.derivative(0, 0), 0.0);
        assertEquals(1.0, leaky.derivative(1e-300, 1e-300), 0.0);
        float[] gradIn = new float[1];
        leaky.backward(new float[] {0f}, new float[] {0f}, new float[] {5f}, gradIn, 0, 1);
        assertEquals(0.05f, gradIn[0]);
    }

    @Test
    void leakyRelu_bulkPassesScaleNegativeSideByAlpha() {
        LeakyRelu f = new LeakyRelu(0.5);
        float[] z = {-2f, -0.5f, 0.5f, 3f};
        float[] a = new float[4];
        f.forward(z, a, 0, 4);
        float[] gradIn = new float[4];
        f.backward(z, a, new float[] {1f, 2f, 3f, 4f}, gradIn, 0, 4);
        assertArrayEquals(new float[] {-1f, -0.25f, 0.5f, 3f}, a);
        assertArrayEquals(new float[] {0.5f, 1f, 3f, 4f}, gradIn);
    }

    @Test
    void leakyRelu_withAlphaZeroIsRelu() {
        LeakyRelu f = new LeakyRelu(0);
        Relu relu = new Relu();
        float[] z = {-7f, -0.25f, 0f, 0.25f, 7f};
        float[] viaLeaky = new float[z.length];
        float[] viaRelu = new float[z.length];
        f.forward(z, viaLeaky, 0, z.length);
        relu.forward(z, viaRelu, 0, z.length);
        // Equal as numbers: 0·(−7) is −0 where max(0, −7) is +0.
        assertArrayEquals(viaRelu, viaLeaky, 0f);
        float[] g = {1f, 2f, 3f, 4f, 5f};
        f.backward(z, viaLeaky, g, viaLeaky, 0, z.length);
        relu.backward(z, viaRelu, g, viaRelu, 0, z.length);
        assertArrayEquals(viaRelu, viaLeaky, 0f);
    }

    @Test
    void leakyRelu_nanPropagatesForwardAndTheGradientTakesTheNegativeSlope() {
        float[] out = new float[1];
        leaky.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        leaky.backward(new float[] {Float.NaN}, out, new float[] {2f}, gradIn, 0, 1);
        assertEquals(0.02f, gradIn[0]);
    }

    // Hyperparameters

    @Test
    void hyperparameters_roundTripThroughWithHyperparameters() {
        LeakyRelu changed = leaky.withHyperparameters(Hyperparameters.of("alpha", 0.2));
        assertEquals(0.2, changed.alpha(), 0.0);
        assertEquals(Hyperparameters.of("alpha", 0.2), changed.hyperparameters());
        assertEquals(new LeakyRelu(0.2), changed);
        assertEquals(-0.6, changed.value(-3), 1e-15);

        // Settings read back from one instance rebuild an equal one from the defaults.
        assertEquals(changed, new LeakyRelu().withHyperparameters(changed.hyperparameters()));
        assertEquals(leaky, changed.withHyperparameters(Hyperparameters.of("alpha", 0.01)));
        assertEquals("leaky_relu{alpha=0.2}", changed.toString());
        assertNotEquals(leaky, changed);
    }

    @Test
    void hyperparameters_unknownNameIsRejectedListingTheAcceptedOnes() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> leaky.withHyperparameters(Hyperparameters.of("slope", 0.2)));
        assertTrue(e.getMessage().contains("'slope'"), e.getMessage());
        assertTrue(e.getMessage().contains("leaky_relu"), e.getMessage());
        assertTrue(e.getMessage().contains("alpha"), e.getMessage());
    }

    @Test
    void hyperparameters_outOfRangeAlphaIsRejectedWithRangeAndFix() {
        // 0.99999999 is below 1 but rounds to 1 in float, where the loops apply it.
        for (double bad : new double[] {1.0, 1.5, -0.01, 0.99999999}) {
            InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                    () -> leaky.withHyperparameters(Hyperparameters.of("alpha", bad)), "alpha = " + bad);
            String message = e.getMessage();
            assertTrue(message.contains("'alpha'"), message);
            assertTrue(message.contains("leaky_relu"), message);
            assertTrue(message.contains("[0, 1)"), message);
            assertTrue(message.contains(String.valueOf(bad)), message);
            assertTrue(message.contains("such as 0.01"), message);
            assertThrows(InvalidHyperparameterException.class, () -> new LeakyRelu(bad));
        }
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThrows(InvalidHyperparameterException.class, () -> new LeakyRelu(bad), "alpha = " + bad);
        }
    }

    @Test
    void hyperparameters_edgesOfTheRangeAreAccepted() {
        assertEquals(0.0, new LeakyRelu(0).alpha(), 0.0);
        float largest = Math.nextDown(1f);
        assertEquals(largest, new LeakyRelu(largest).alpha(), 0.0);
    }

    @Test
    void hyperparameters_negativeZeroIsTheSameSettingAsZero() {
        LeakyRelu negativeZero = new LeakyRelu(-0.0);
        assertEquals(new LeakyRelu(0.0), negativeZero);
        assertEquals(new LeakyRelu(0.0).hashCode(), negativeZero.hashCode());
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(negativeZero.alpha()));
    }

    @Test
    void hyperparameters_changingReturnsANewInstanceAndLeavesTheOriginalAlone() {
        LeakyRelu changed = leaky.withHyperparameters(Hyperparameters.of("alpha", 0.3));
        assertNotEquals(leaky, changed);
        assertEquals(0.01, leaky.alpha(), 0.0);
        assertEquals(Hyperparameters.of("alpha", 0.01), leaky.hyperparameters());
        assertEquals(-0.01, leaky.value(-1), 1e-17);
        assertThrows(UnsupportedOperationException.class, () -> leaky.hyperparameters().asMap().put("alpha", 0.5));
    }
}
