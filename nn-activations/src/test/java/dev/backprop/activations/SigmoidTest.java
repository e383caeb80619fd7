package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class SigmoidTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.sigmoid();
    }

    private final Sigmoid sigmoid = new Sigmoid();

    /** The bulk backward reads the derivative off the float output where that is accurate: within 4·10⁻⁶. */
    @Override
    protected double bulkRelativeTolerance() {
        return 5e-6;
    }

    @Override
    ScalarActivation activation() {
        return new Sigmoid();
    }

    @Override
    String expectedId() {
        return "sigmoid";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    @Override
    double[][] knownValues() {
        double ln3 = Math.log(3);
        return new double[][] {
            {0, 0.5},
            {ln3, 0.75},   // 1 / (1 + 1/3)
            {-ln3, 0.25},  // (1/3) / (1 + 1/3)
            {800, 1.0},
            {-800, 0.0},
        };
    }

    @Test
    void sigmoid_isSymmetricAboutOneHalf() {
        for (double x = -10; x <= 10; x += 0.5) {
            assertEquals(1.0, sigmoid.value(x) + sigmoid.value(-x), 1e-15, "σ(x) + σ(−x) at " + x);
        }
    }

    @Test
    void sigmoid_keepsRelativePrecisionForLargeNegativeInputs() {
        // σ(−40) = e^−40 / (1 + e^−40) = e^−40 (1 − e^−40 + …); the naive 1 − σ(40) would give 0.
        double expected = Math.exp(-40);
        assertEquals(expected, sigmoid.value(-40), expected * 1e-15);
    }

    @Test
    void sigmoid_bulkForwardStaysFiniteAndPositiveAtExtremes() {
        float[] z = {-1000f, -100f, 100f, 1000f, Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        float[] out = new float[z.length];
        sigmoid.forward(z, out, 0, z.length);
        assertEquals(0f, out[0]);
        assertTrue(out[1] > 0f && out[1] < 1e-40f, "σ(−100) ≈ 3.7e−44 is a positive subnormal, found " + out[1]);
        assertEquals(1f, out[2]);
        assertEquals(1f, out[3]);
        assertEquals(0f, out[4]);
        assertEquals(1f, out[5]);
    }

    @Test
    void sigmoid_derivativeIsOneQuarterAtZero() {
        assertEquals(0.25, sigmoid.derivative(0, sigmoid.value(0)), 0.0);
    }

    @Test
    void sigmoid_nanInGivesNanOut() {
        assertTrue(Double.isNaN(sigmoid.value(Double.NaN)));
        float[] z = {Float.NaN};
        float[] out = new float[1];
        sigmoid.forward(z, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
    }
}
