package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class TanhTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.tanh();
    }

    private final Tanh tanh = new Tanh();

    /** The bulk backward reads the derivative off the float output where that is accurate: within 4·10⁻⁶. */
    @Override
    protected double bulkRelativeTolerance() {
        return 5e-6;
    }

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

    /** Issue 13: from the saturated float output (1 − y² with y ≈ 1) tanh'(7) was off by 2e-3 and tanh'(20) was 0. */
    @Test
    void tanh_bulkBackwardIsComputedFromXWhereTheOutputSaturates() {
        float[] z = {7f, -7f, 20f, 40f};
        float[] a = new float[z.length];
        tanh.forward(z, a, 0, z.length);
        assertEquals(1f, a[2], "tanh(20) rounds to 1 in float");
        float[] gradIn = new float[z.length];
        tanh.backward(z, a, new float[] {1f, 1f, 1f, 1f}, gradIn, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            double c = Math.cosh(z[i]);
            double exact = 1 / (c * c);
            assertEquals(exact, gradIn[i], exact * 1e-6, "tanh'(" + z[i] + ")");
        }
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
