package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import org.junit.jupiter.api.Test;

class IdentityTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.identity();
    }

    private final Identity identity = new Identity();

    @Override
    ScalarActivation activation() {
        return new Identity();
    }

    @Override
    String expectedId() {
        return "identity";
    }

    @Override
    PluginId expectedInitializer() {
        return Activation.GLOROT_UNIFORM;
    }

    @Override
    double[][] knownValues() {
        return new double[][] {
            {-3, -3},
            {0, 0},
            {2.5, 2.5},
            {1e30, 1e30},
        };
    }

    @Test
    void identity_derivativeIsOneEverywhere() {
        for (double x : new double[] {-1e6, -1, 0, 1, 1e6}) {
            assertEquals(1.0, identity.derivative(x, x), 0.0);
        }
    }

    @Test
    void identity_copiesValuesAndGradientsBitForBit() {
        float[] z = {Float.NaN, -0f, Float.MIN_VALUE, Float.MAX_VALUE, Float.NEGATIVE_INFINITY};
        float[] out = new float[z.length];
        identity.forward(z, out, 0, z.length);
        assertArrayEquals(z, out);
        float[] gradIn = new float[z.length];
        identity.backward(z, out, z, gradIn, 0, z.length);
        assertArrayEquals(z, gradIn);
    }
}
