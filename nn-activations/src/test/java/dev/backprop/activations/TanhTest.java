package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import org.junit.jupiter.api.Test;

class TanhTest extends ScalarActivationChecks {

    private final Tanh tanh = new Tanh();

    @Override
    ScalarActivation activation() {
        return new Tanh();
    }

    @Override
    String expectedId() {
        return "tanh";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    @Override
    double[][] knownValues() {
        double atanhHalf = 0.5 * Math.log(3); // atanh(1/2) = ½ ln((1 + ½) / (1 − ½))
        return new double[][] {
            {0, 0},
            {atanhHalf, 0.5},
            {-atanhHalf, -0.5},
            {40, 1},
            {-40, -1},
        };
    }

    @Test
    void tanh_derivativeIsOneAtZeroAndThreeQuartersWhereTanhIsOneHalf() {
        assertEquals(1.0, tanh.derivative(0, 0), 0.0);
        assertEquals(0.75, tanh.derivative(0.5 * Math.log(3), 0.5), 1e-15);
    }

    @Test
    void tanh_bulkBackwardKeepsPrecisionNearSaturation() {
        // a = 1 − 2^−13 is exact in float and 1 − a² = 2^−12 − 2^−26. A float a·a drops the 2^−26 term
        // (below half an ulp), so 1 − a·a would be off by 2^−14 ≈ 6e−5 relative; (1 − a)(1 + a) is not.
        float a = 1f - 0x1p-13f;
        float[] gradIn = new float[1];
        tanh.backward(new float[] {7f}, new float[] {a}, new float[] {1f}, gradIn, 0, 1);
        double exact = 1.0 - (double) a * a;
        assertEquals(exact, gradIn[0], exact * 1e-6);
    }

    @Test
    void tanh_nanInGivesNanOut() {
        assertTrue(Double.isNaN(tanh.value(Double.NaN)));
        float[] z = {Float.NaN};
        float[] out = new float[1];
        tanh.forward(z, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
    }
}
