package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class SoftsignTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.softsign();
    }

    private final Softsign softsign = new Softsign();

    @Override
    ScalarActivation activation() {
        return new Softsign();
    }

    @Override
    String expectedId() {
        return "softsign";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    @Override
    double[][] knownValues() {
        return new double[][] {
            {0, 0},
            {1, 0.5},
            {-3, -0.75},
            {3, 0.75},
            {1e30, 1},
            {-1e30, -1},
        };
    }

    @Test
    void softsign_derivativeMatchesKnownValuesAndTheOutputForm() {
        assertEquals(1.0, softsign.derivative(0, 0), 0.0);
        assertEquals(0.25, softsign.derivative(1, 0.5), 0.0);
        assertEquals(1.0 / 16, softsign.derivative(-3, -0.75), 0.0);
        // 1/(1 + |x|)² = (1 − |y|)², since 1 − |y| = 1/(1 + |x|).
        for (double x = -10; x <= 10; x += 0.25) {
            double y = softsign.value(x);
            assertEquals((1 - Math.abs(y)) * (1 - Math.abs(y)), softsign.derivative(x, y), 1e-15, "at " + x);
        }
    }

    @Test
    void softsign_bulkSaturatesAtPlusMinusOneForTheLargestFloats() {
        float[] z = {-Float.MAX_VALUE, Float.MAX_VALUE};
        float[] a = new float[2];
        softsign.forward(z, a, 0, 2);
        assertEquals(-1f, a[0]);
        assertEquals(1f, a[1]);
        float[] gradIn = new float[2];
        softsign.backward(z, a, new float[] {1f, 1f}, gradIn, 0, 2);
        assertEquals(0f, gradIn[0]);
        assertEquals(0f, gradIn[1]);
    }

    @Test
    void softsign_nanPropagatesThroughBothPasses() {
        float[] out = new float[1];
        softsign.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        softsign.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertTrue(Float.isNaN(gradIn[0]));
    }
}
