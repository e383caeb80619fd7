package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class Relu6Test extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.relu6();
    }

    private final Relu6 relu6 = new Relu6();

    @Override
    ScalarActivation activation() {
        return new Relu6();
    }

    @Override
    String expectedId() {
        return "relu6";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.HE_NORMAL;
    }

    /** The kinks at 0 and 6; the central-difference check keeps its sample points away from them. */
    @Override
    protected double[] kinks() {
        return new double[] {0, 6};
    }

    @Override
    double[][] knownValues() {
        return new double[][] {
            {-3, 0},
            {0, 0},
            {2.5, 2.5},
            {6, 6},
            {100, 6},
        };
    }

    @Test
    void relu6_clampsAndPassesTheGradientOnlyStrictlyInside() {
        assertEquals(1.0, relu6.derivative(5.999, 5.999), 0.0);
        assertEquals(0.0, relu6.derivative(0, 0), 0.0);
        assertEquals(0.0, relu6.derivative(6, 6), 0.0);
        assertEquals(0.0, relu6.derivative(-4, 0), 0.0);

        float[] z = {-2f, 0f, 0.5f, 5.5f, 6f, 7f, Float.MAX_VALUE};
        float[] a = new float[z.length];
        relu6.forward(z, a, 0, z.length);
        assertArrayEquals(new float[] {0f, 0f, 0.5f, 5.5f, 6f, 6f, 6f}, a);
        float[] gradIn = new float[z.length];
        relu6.backward(z, a, new float[] {1f, 2f, 3f, 4f, 5f, 6f, 7f}, gradIn, 0, z.length);
        assertArrayEquals(new float[] {0f, 0f, 3f, 4f, 0f, 0f, 0f}, gradIn);
    }

    @Test
    void relu6_nanPropagatesForwardAndGivesZeroGradient() {
        float[] out = new float[1];
        relu6.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        relu6.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertEquals(0f, gradIn[0]);
    }
}
