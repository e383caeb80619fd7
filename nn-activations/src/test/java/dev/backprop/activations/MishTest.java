package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class MishTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.mish();
    }

    private final Mish mish = new Mish();

    @Override
    ScalarActivation activation() {
        return new Mish();
    }

    @Override
    String expectedId() {
        return "mish";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    /** Reference values of x·tanh(ln(1 + e^x)) computed with mpmath at 50 digits. */
    @Override
    double[][] knownValues() {
        return new double[][] {
            {0, 0},
            {1, 0.86509838826731034612},
            {-1, -0.30340146137410891807},
            {2, 1.9439589595339945203},
            {-3, -0.14564746127562458731},
            {30, 30},
            {-800, 0},
        };
    }

    @Test
    void mish_derivativeMatchesKnownValues() {
        assertEquals(0.6, mish.derivative(0, 0), 1e-16);
        assertEquals(1.0490362200997921591, mish.derivative(1, mish.value(1)), 1e-15);
        assertEquals(0.059216755877394948006, mish.derivative(-1, mish.value(-1)), 1e-15);
    }

    /** The rational forms equal the textbook definition and its derivative where those are accurate. */
    @Test
    void mish_rationalFormsEqualTheTextbookDefinition() {
        Sigmoid sigmoid = new Sigmoid();
        for (double x = -10; x <= 10; x += 0.25) {
            double t = Math.tanh(Math.log1p(Math.exp(x)));
            assertEquals(x * t, mish.value(x), 1e-15 * Math.max(1, Math.abs(x)), "mish(" + x + ")");
            double textbookDerivative = t + x * (1 - t) * (1 + t) * sigmoid.value(x);
            assertEquals(textbookDerivative, mish.derivative(x, mish.value(x)), 1e-14, "mish'(" + x + ")");
        }
    }

    @Test
    void mish_isExactlyLinearAboveTwentyAndContinuousAtTheCutOff() {
        assertEquals(20.5, mish.value(20.5), 0.0);
        assertEquals(1.0, mish.derivative(20.5, 20.5), 0.0);
        assertEquals(20.0, mish.value(20), 0.0);
        assertEquals(1.0, mish.derivative(20, 20), 1e-15);
    }

    @Test
    void mish_keepsTheSmallNegativeTail() {
        double reference = -3.720075976020835963e-42;  // mpmath, −100·tanh(log1p(e^−100)) at 120 digits
        assertEquals(reference, mish.value(-100), 1e-13 * Math.abs(reference));
    }

    @Test
    void mish_bulkStaysFiniteAtTheExtremesOfFloat() {
        float[] z = {-Float.MAX_VALUE, -1000f, 1000f, Float.MAX_VALUE};
        float[] a = new float[z.length];
        mish.forward(z, a, 0, z.length);
        assertEquals(0f, a[0], 0f);
        assertEquals(0f, a[1], 0f);
        assertEquals(1000f, a[2]);
        assertEquals(Float.MAX_VALUE, a[3]);
        float[] gradIn = new float[z.length];
        mish.backward(z, a, new float[] {1f, 1f, 1f, 1f}, gradIn, 0, z.length);
        assertEquals(0f, gradIn[0], 0f);
        assertEquals(0f, gradIn[1], 0f);
        assertEquals(1f, gradIn[2]);
        assertEquals(1f, gradIn[3]);
    }

    @Test
    void mish_nanPropagatesThroughBothPasses() {
        float[] out = new float[1];
        mish.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        mish.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertTrue(Float.isNaN(gradIn[0]));
    }
}
