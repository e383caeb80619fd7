package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import org.junit.jupiter.api.Test;

class GeluTest extends ScalarActivationChecks {

    private static final double K = Math.sqrt(2 / Math.PI);

    private final Gelu gelu = new Gelu();

    @Override
    ScalarActivation activation() {
        return new Gelu();
    }

    @Override
    String expectedId() {
        return "gelu";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    /** Reference values of ½x(1 + tanh(√(2/π)(x + 0.044715x³))) computed with mpmath at 50 digits. */
    @Override
    double[][] knownValues() {
        return new double[][] {
            {0, 0},
            {0.5, 0.34571400982514392204},
            {1, 0.84119199060827670478},
            {-1, -0.15880800939172329522},
            {3, 2.9963626079182269812},
            {-3, -0.0036373920817730188378},
            {10, 10},
            {-10, 0},
        };
    }

    /** The stable form x·σ(2u) is the textbook tanh formula, rewritten. */
    @Test
    void gelu_equalsTheTanhFormulaOfPyTorchsApproximateGelu() {
        for (double x = -5; x <= 5; x += 0.125) {
            double textbook = 0.5 * x * (1 + Math.tanh(K * (x + 0.044715 * x * x * x)));
            assertEquals(textbook, gelu.value(x), 1e-15 * Math.max(1, Math.abs(x)), "gelu(" + x + ")");
        }
    }

    @Test
    void gelu_derivativeMatchesKnownValues() {
        assertEquals(0.5, gelu.derivative(0, 0), 1e-16);
        assertEquals(1.0829640838457825551, gelu.derivative(1, gelu.value(1)), 1e-15);
        assertEquals(-0.08296408384578255514, gelu.derivative(-1, gelu.value(-1)), 1e-15);
    }

    /** gelu(x) − gelu(−x) = x·(σ(2u) + σ(−2u)) = x, since u is odd in x. */
    @Test
    void gelu_differenceOfMirroredPointsIsX() {
        for (double x = 0.1; x <= 8; x += 0.3) {
            assertEquals(x, gelu.value(x) - gelu.value(-x), 1e-15 * x, "at " + x);
        }
    }

    @Test
    void gelu_keepsTheSmallNegativeTailThatOnePlusTanhLoses() {
        double reference = -3.107782937501111218e-21;  // mpmath
        assertEquals(reference, gelu.value(-8), 1e-13 * Math.abs(reference));
        assertEquals(0.0, 0.5 * -8 * (1 + Math.tanh(K * (-8 + 0.044715 * -512))), 0.0,
                "the textbook form cancels to zero here");
    }

    @Test
    void gelu_bulkStaysFiniteAtTheExtremesOfFloat() {
        float[] z = {-Float.MAX_VALUE, -100f, 100f, Float.MAX_VALUE};
        float[] a = new float[z.length];
        gelu.forward(z, a, 0, z.length);
        assertEquals(0f, a[0], 0f);
        assertEquals(0f, a[1], 0f);
        assertEquals(100f, a[2]);
        assertEquals(Float.MAX_VALUE, a[3]);
        float[] gradIn = new float[z.length];
        gelu.backward(z, a, new float[] {1f, 1f, 1f, 1f}, gradIn, 0, z.length);
        assertEquals(0f, gradIn[0], 0f);
        assertEquals(0f, gradIn[1], 0f);
        assertEquals(1f, gradIn[2]);
        assertEquals(1f, gradIn[3]);
    }

    @Test
    void gelu_nanPropagatesThroughBothPasses() {
        float[] out = new float[1];
        gelu.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        gelu.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertTrue(Float.isNaN(gradIn[0]));
    }
}
