package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class HardTanhTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.hardTanh();
    }

    private final HardTanh hardTanh = new HardTanh();

    @Override
    ScalarActivation activation() {
        return new HardTanh();
    }

    @Override
    String expectedId() {
        return "hard_tanh";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    /** The kinks at ±1; the central-difference check keeps its sample points away from them. */
    @Override
    protected double[] kinks() {
        return new double[] {-1, 1};
    }

    @Override
    double[][] knownValues() {
        return new double[][] {
            {-5, -1},
            {-1, -1},
            {-0.5, -0.5},
            {0, 0},
            {0.25, 0.25},
            {1, 1},
            {1e30, 1},
        };
    }

    @Test
    void hardTanh_clampsAndPassesTheGradientOnlyStrictlyInside() {
        assertEquals(1.0, hardTanh.derivative(0.999, 0.999), 0.0);
        assertEquals(0.0, hardTanh.derivative(1, 1), 0.0);
        assertEquals(0.0, hardTanh.derivative(-1, -1), 0.0);
        assertEquals(0.0, hardTanh.derivative(-4, -1), 0.0);

        float[] z = {-2f, -1f, -0.5f, 0.5f, 1f, 2f, -Float.MAX_VALUE, Float.MAX_VALUE};
        float[] a = new float[z.length];
        hardTanh.forward(z, a, 0, z.length);
        assertArrayEquals(new float[] {-1f, -1f, -0.5f, 0.5f, 1f, 1f, -1f, 1f}, a);
        float[] gradIn = new float[z.length];
        hardTanh.backward(z, a, new float[] {1f, 2f, 3f, 4f, 5f, 6f, 7f, 8f}, gradIn, 0, z.length);
        assertArrayEquals(new float[] {0f, 0f, 3f, 4f, 0f, 0f, 0f, 0f}, gradIn);
    }

    @Test
    void hardTanh_nanPropagatesForwardAndGivesZeroGradient() {
        float[] out = new float[1];
        hardTanh.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        hardTanh.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertEquals(0f, gradIn[0]);
    }
}
