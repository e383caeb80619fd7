package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class HardSigmoidTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.hardSigmoid();
    }

    private final HardSigmoid hardSigmoid = new HardSigmoid();

    @Override
    ScalarActivation activation() {
        return new HardSigmoid();
    }

    @Override
    String expectedId() {
        return "hard_sigmoid";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    /** The kinks at ±3; the central-difference check keeps its sample points away from them. */
    @Override
    protected double[] kinks() {
        return new double[] {-3, 3};
    }

    @Override
    double[][] knownValues() {
        return new double[][] {
            {-10, 0},
            {-3, 0},
            {-1.5, 0.25},
            {0, 0.5},
            {1.5, 0.75},
            {2.5, 11.0 / 12},  // Keras 2's 0.2x + 0.5 would already be 1 here
            {3, 1},
            {10, 1},
        };
    }

    @Test
    void hardSigmoid_derivativeIsOneSixthInsideAndZeroAtAndBeyondTheKinks() {
        assertEquals(1.0 / 6, hardSigmoid.derivative(0, 0.5), 0.0);
        assertEquals(1.0 / 6, hardSigmoid.derivative(2.999, hardSigmoid.value(2.999)), 0.0);
        assertEquals(1.0 / 6, hardSigmoid.derivative(-2.999, hardSigmoid.value(-2.999)), 0.0);
        assertEquals(0.0, hardSigmoid.derivative(3, 1), 0.0);
        assertEquals(0.0, hardSigmoid.derivative(-3, 0), 0.0);
        assertEquals(0.0, hardSigmoid.derivative(-7, 0), 0.0);

        float[] z = {-4f, -3f, 0f, 3f, 4f};
        float[] a = new float[z.length];
        hardSigmoid.forward(z, a, 0, z.length);
        assertArrayEquals(new float[] {0f, 0f, 0.5f, 1f, 1f}, a);
        float[] gradIn = new float[z.length];
        hardSigmoid.backward(z, a, new float[] {6f, 6f, 6f, 6f, 6f}, gradIn, 0, z.length);
        assertArrayEquals(new float[] {0f, 0f, 1f, 0f, 0f}, gradIn);
    }

    @Test
    void hardSigmoid_keepsRelativePrecisionJustAboveTheLowerKink() {
        float x = Math.nextUp(-3f);  // −3 + 2^−22
        double exact = 0x1p-22 / 6;
        float[] out = new float[1];
        hardSigmoid.forward(new float[] {x}, out, 0, 1);
        assertEquals(exact, out[0], exact * 1e-7);
    }

    @Test
    void hardSigmoid_nanPropagatesForwardAndGivesZeroGradient() {
        float[] out = new float[1];
        hardSigmoid.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        hardSigmoid.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertEquals(0f, gradIn[0]);
    }
}
