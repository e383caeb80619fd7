package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GeluTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.exactGelu();
    }

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

    /** x·Φ(x) with Φ from standard tables (50 digits, rounded to double). */
    @Override
    double[][] knownValues() {
        return new double[][] {
            {0, 0},
            {0.5, 0.34573123063700651818},
            {1, 0.84134474606854294859},
            {-1, -0.15865525393145705141},
            {3, 2.9959503059051097166},
            {-3, -0.0040496940948902835780},
            {10, 10},
            {-10, -7.6198530241605269e-23},
        };
    }

    @Override
    Hyperparameters expectedHyperparameters() {
        return Hyperparameters.of("approximate", "none");
    }

    @Test
    void gelu_defaultIsTheExactErfFormAndTanhIsTheOldApproximation() {
        assertEquals(new Gelu("none"), gelu);
        assertEquals(gelu, new Gelu().withHyperparameters(Hyperparameters.of("approximate", "none")));
        Gelu approximate = gelu.withHyperparameters(Hyperparameters.of("approximate", "tanh"));
        assertTrue(approximate.isTanhApproximation());
        assertEquals("gelu{approximate=tanh}", approximate.toString());
        assertNotEquals(gelu, approximate);
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> gelu.withHyperparameters(Hyperparameters.of("approximate", "erf")));
        assertTrue(e.getMessage().contains("tanh") && e.getMessage().contains("none"), e.getMessage());
    }

    @Test
    void gelu_derivativeMatchesKnownValues() {
        assertEquals(0.5, gelu.derivative(0, 0), 1e-16);
        // Φ(1) + φ(1) and Φ(−1) − φ(−1)
        assertEquals(1.0833154705876864, gelu.derivative(1, gelu.value(1)), 1e-15);
        assertEquals(-0.0833154705876864, gelu.derivative(-1, gelu.value(-1)), 1e-15);
    }

    @Test
    void gelu_keepsTheSmallNegativeTail() {
        double reference = -8 * 6.2209605742717841e-16; // −8·Φ(−8)
        assertEquals(reference, gelu.value(-8), 1e-13 * Math.abs(reference));
    }

    /** Cody's erf and erfc against table values and the independent series and continued fraction. */
    @Test
    void erf_isAccurateToDoublePrecision() {
        double[][] erf = {{0.5, 0.52049987781304653768}, {1, 0.84270079294971486934}, {2, 0.99532226501895273416},
            {-1, -0.84270079294971486934}, {0.1, 0.11246291601828489220}};
        for (double[] p : erf) {
            assertEquals(p[1], Erf.erf(p[0]), 2e-16 * Math.abs(p[1]), "erf(" + p[0] + ")");
        }
        double[][] erfc = {{3, 2.2090496998585441373e-5}, {5, 1.5374597944280348502e-12},
            {10, 2.0884875837625447570e-45}, {-1, 1.8427007929497148693}, {0.25, 0.72367360983176306702}};
        for (double[] p : erfc) {
            assertEquals(p[1], Erf.erfc(p[0]), 1e-15 * Math.abs(p[1]), "erfc(" + p[0] + ")");
        }
        for (double x = -6; x <= 26; x += 1.0 / 64) {
            double reference = x < 0 ? 2 - Float64Definitions.erfc(-x) : Float64Definitions.erfc(x);
            // The reference itself is good to about 2e-13 near x = 2, where it falls back on 1 − erf.
            assertEquals(reference, Erf.erfc(x), 1e-12 * reference, "erfc(" + x + ")");
        }
        assertTrue(Double.isNaN(Erf.erfc(Double.NaN)) && Double.isNaN(Erf.erf(Double.NaN)));
        assertEquals(0.0, Erf.erfc(27), 0.0);
        assertEquals(1.0, Erf.erf(27), 0.0);
    }

    /** gelu(x) − gelu(−x) = x·(σ(2u) + σ(−2u)) = x, since u is odd in x. */
    @Test
    void gelu_differenceOfMirroredPointsIsX() {
        for (double x = 0.1; x <= 8; x += 0.3) {
            assertEquals(x, gelu.value(x) - gelu.value(-x), 1e-15 * x, "at " + x);
        }
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

    /** The tanh approximation, {@code approximate=tanh}: what {@code gelu} meant before. */
    @Nested
    class TanhApproximation extends ScalarActivationChecks {

        @Override
        Float64Definition definition() {
            return Float64Definitions.tanhGelu();
        }

        private final Gelu gelu = new Gelu("tanh");

        @Override
        ScalarActivation activation() {
            return new Gelu("tanh");
        }

        @Override
        String expectedId() {
            return "gelu";
        }

        @Override
        PluginId expectedInitializer() {
            return Activation.GLOROT_UNIFORM;
        }

        @Override
        Hyperparameters expectedHyperparameters() {
            return Hyperparameters.of("approximate", "tanh");
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

        @Test
        void gelu_keepsTheSmallNegativeTailThatOnePlusTanhLoses() {
            double reference = -3.107782937501111218e-21;  // mpmath
            assertEquals(reference, gelu.value(-8), 1e-13 * Math.abs(reference));
            assertEquals(0.0, 0.5 * -8 * (1 + Math.tanh(K * (-8 + 0.044715 * -512))), 0.0,
                    "the textbook form cancels to zero here");
        }

    }
}
