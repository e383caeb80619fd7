package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class SiluTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.silu();
    }

    private final Silu silu = new Silu();

    @Override
    ScalarActivation activation() {
        return new Silu();
    }

    @Override
    String expectedId() {
        return "silu";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    @Override
    double[][] knownValues() {
        double ln3 = Math.log(3);
        return new double[][] {
            {0, 0},
            {ln3, 0.75 * ln3},    // σ(ln 3) = 3/4
            {-ln3, -0.25 * ln3},  // σ(−ln 3) = 1/4
            {1, 0.73105857863000487925},
            {-1, -0.26894142136999512075},
            {800, 800},
            {-800, 0},
        };
    }

    @Test
    void silu_derivativeMatchesKnownValues() {
        assertEquals(0.5, silu.derivative(0, 0), 0.0);
        assertEquals(0.92767051187148673179, silu.derivative(1, silu.value(1)), 1e-15);
        assertEquals(0.072329488128513268211, silu.derivative(-1, silu.value(-1)), 1e-15);
    }

    /** silu(x) − silu(−x) = x·(σ(x) + σ(−x)) = x. */
    @Test
    void silu_differenceOfMirroredPointsIsX() {
        for (double x = 0.1; x <= 8; x += 0.3) {
            assertEquals(x, silu.value(x) - silu.value(-x), 1e-15 * x, "at " + x);
        }
    }

    @Test
    void silu_keepsTheSmallNegativeTail() {
        double reference = -3.720075976020835963e-42;  // mpmath
        assertEquals(reference, silu.value(-100), 1e-13 * Math.abs(reference));
    }

    @Test
    void silu_bulkStaysFiniteAtTheExtremesOfFloat() {
        float[] z = {-Float.MAX_VALUE, -1000f, 1000f, Float.MAX_VALUE};
        float[] a = new float[z.length];
        silu.forward(z, a, 0, z.length);
        assertEquals(0f, a[0], 0f);
        assertEquals(0f, a[1], 0f);
        assertEquals(1000f, a[2]);
        assertEquals(Float.MAX_VALUE, a[3]);
        float[] gradIn = new float[z.length];
        silu.backward(z, a, new float[] {1f, 1f, 1f, 1f}, gradIn, 0, z.length);
        assertEquals(0f, gradIn[0], 0f);
        assertEquals(0f, gradIn[1], 0f);
        assertEquals(1f, gradIn[2]);
        assertEquals(1f, gradIn[3]);
    }

    @Test
    void silu_nanPropagatesThroughBothPasses() {
        float[] out = new float[1];
        silu.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        silu.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertTrue(Float.isNaN(gradIn[0]));
    }
}
