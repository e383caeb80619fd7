package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class SoftplusTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.softplus();
    }

    private final Softplus softplus = new Softplus();

    @Override
    ScalarActivation activation() {
        return new Softplus();
    }

    @Override
    String expectedId() {
        return "softplus";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    @Override
    double[][] knownValues() {
        double ln3 = Math.log(3);
        return new double[][] {
            {0, Math.log(2)},
            {ln3, Math.log(4)},             // ln(1 + 3)
            {-ln3, Math.log(4.0 / 3.0)},    // ln(1 + 1/3)
            {1, 1.313261687518222834},
            {-3, 0.048587351573742058759},
            {-800, 0},
        };
    }

    @Test
    void softplus_derivativeIsTheSigmoid() {
        Sigmoid sigmoid = new Sigmoid();
        assertEquals(0.5, softplus.derivative(0, Math.log(2)), 0.0);
        assertEquals(0.75, softplus.derivative(Math.log(3), Math.log(4)), 1e-15);
        for (double x = -30; x <= 30; x += 0.5) {
            assertEquals(sigmoid.value(x), softplus.derivative(x, softplus.value(x)), 0.0, "at " + x);
        }
    }

    /**
     * Above 20 the value is x itself. The dropped term ln(1 + e^−x) < e^−20 ≈ 2.1e−9 is far below half
     * a float ulp there (9.5e−7), so the bulk result is the correctly rounded exact value, while the
     * double scalar is off by at most that term.
     */
    @Test
    void softplus_isLinearAboveTwentyWithoutLosingFloatPrecision() {
        float[] z = {Math.nextUp(20f), 20.5f, 37f, 88.8f, 1000f, Float.MAX_VALUE};
        float[] out = new float[z.length];
        softplus.forward(z, out, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            double exact = z[i] + Math.log1p(Math.exp(-z[i]));
            assertEquals((float) exact, out[i], 0f, "softplus(" + z[i] + ")");
            assertEquals(exact, softplus.value(z[i]), 2.1e-9, "double softplus(" + z[i] + ")");
        }
        assertEquals(softplus.value(20), softplus.value(Math.nextUp(20.0)), 2.1e-9, "continuity at the cut-off");
    }

    @Test
    void softplus_keepsRelativePrecisionForVeryNegativeInputs() {
        // ln(1 + e^−40) = e^−40 − e^−80/2 + … : log1p keeps it, log(1 + e^x) would give 0.
        double expected = Math.exp(-40);
        assertEquals(expected, softplus.value(-40), expected * 1e-15);
        float[] out = new float[1];
        softplus.forward(new float[] {-100f}, out, 0, 1);
        assertTrue(out[0] > 0f && out[0] < 1e-40f, "softplus(−100) ≈ 3.7e−44 is a positive subnormal, found " + out[0]);
    }

    @Test
    void softplus_bulkGradientRunsFromZeroToOneWithoutOverflow() {
        float[] z = {-Float.MAX_VALUE, -1000f, 0f, 1000f, Float.MAX_VALUE};
        float[] a = new float[z.length];
        softplus.forward(z, a, 0, z.length);
        float[] gradIn = new float[z.length];
        softplus.backward(z, a, new float[] {1f, 1f, 1f, 1f, 1f}, gradIn, 0, z.length);
        assertEquals(0f, a[0], 0f);
        assertEquals(Float.MAX_VALUE, a[4]);
        assertEquals(0f, gradIn[0], 0f);
        assertEquals(0f, gradIn[1], 0f);
        assertEquals(0.5f, gradIn[2]);
        assertEquals(1f, gradIn[3]);
        assertEquals(1f, gradIn[4]);
    }

    @Test
    void softplus_nanPropagatesThroughBothPasses() {
        float[] out = new float[1];
        softplus.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        softplus.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertTrue(Float.isNaN(gradIn[0]));
    }
}
