package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class ReluTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.relu();
    }

    private final Relu relu = new Relu();

    @Override
    ScalarActivation activation() {
        return new Relu();
    }

    @Override
    String expectedId() {
        return "relu";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.HE_NORMAL;
    }

    @Override
    double[][] knownValues() {
        return new double[][] {
            {-3, 0},
            {0, 0},
            {2.5, 2.5},
            {1e30, 1e30},
        };
    }

    /** The kink at 0; the central-difference check keeps its sample points away from it. */
    @Override
    protected double[] kinks() {
        return new double[] {0};
    }

    @Test
    void relu_usesSubgradientZeroAtTheKink() {
        assertEquals(0.0, relu.derivative(0, 0), 0.0);
        float[] gradIn = new float[1];
        relu.backward(new float[] {0f}, new float[] {0f}, new float[] {5f}, gradIn, 0, 1);
        assertEquals(0f, gradIn[0]);
    }

    @Test
    void relu_passesGradientWherePositiveAndStopsItElsewhere() {
        float[] z = {-2f, -0.5f, 0.5f, 3f};
        float[] a = new float[4];
        relu.forward(z, a, 0, 4);
        float[] gradIn = new float[4];
        relu.backward(z, a, new float[] {1f, 2f, 3f, 4f}, gradIn, 0, 4);
        assertArrayEquals(new float[] {0f, 0f, 0.5f, 3f}, a);
        assertArrayEquals(new float[] {0f, 0f, 3f, 4f}, gradIn);
    }

    @Test
    void relu_forwardPropagatesNan() {
        assertTrue(Double.isNaN(relu.value(Double.NaN)));
        float[] out = new float[1];
        relu.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
    }
}
