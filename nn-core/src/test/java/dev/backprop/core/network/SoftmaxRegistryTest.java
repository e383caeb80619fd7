package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13: softmax is found and listed by the registry like any activation, and stays fused. */
class SoftmaxRegistryTest {

    private static final PluginId SOFTMAX = PluginId.of("softmax");

    @Test
    void theDiscoveredRegistry_findsAndListsSoftmax() {
        PluginRegistry registry = PluginRegistry.discovered();
        assertInstanceOf(Softmax.class, registry.activation("softmax"));
        assertTrue(registry.ids(PluginKind.ACTIVATION).contains(SOFTMAX), registry.ids(PluginKind.ACTIVATION).toString());
        assertInstanceOf(Softmax.class, registry.plugins(PluginKind.ACTIVATION).get(SOFTMAX));
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    /** {@code of(...)} holds exactly the instances given; softmax is one an embedder may give. */
    @Test
    void aRegistryBuiltFromInstances_takesSoftmaxLikeAnyActivation() {
        PluginRegistry registry = PluginRegistry.of(List.of(new Softmax()), List.of(), List.of());
        assertEquals(List.of(SOFTMAX), List.copyOf(registry.ids(PluginKind.ACTIVATION)));
        assertInstanceOf(Softmax.class, registry.activation("softmax"));
    }

    /** Through the Activation interface the range is one row: it sums to 1 and backward is the row's VJP. */
    @Test
    void asAnActivation_theRangeIsOneRow() {
        Activation softmax = PluginRegistry.discovered().activation("softmax");
        float[] z = {9f, 1f, 2f, 3f, 9f};
        float[] a = new float[5];
        softmax.forward(z, a, 1, 4);
        assertEquals(0f, a[0]);
        assertEquals(0f, a[4]);
        double sum = 0;
        for (int i = 1; i < 4; i++) {
            double expected = Math.exp(z[i]) / (Math.exp(1) + Math.exp(2) + Math.exp(3));
            assertEquals(expected, a[i], 1e-6, "p at " + i);
            sum += a[i];
        }
        assertEquals(1.0, sum, 1e-6);
        float[] gradOut = {0f, 1f, 0f, 0f, 0f};
        float[] gradIn = new float[5];
        softmax.backward(z, a, gradOut, gradIn, 1, 4);
        // ∂p_1/∂z_k = p_1(δ_1k − p_k)
        assertEquals(a[1] * (1 - a[1]), gradIn[1], 1e-6);
        assertEquals(-a[1] * a[2], gradIn[2], 1e-6);
        assertEquals(-a[1] * a[3], gradIn[3], 1e-6);
    }

    /** Found by id or passed as the registry's instance, a softmax layer is core's row-wise one, so it fuses. */
    @Test
    void aLayerFromTheRegistryInstance_isRowWiseSoftmax() {
        Activation fromRegistry = PluginRegistry.discovered().activation("softmax");
        assertSame(fromRegistry, LayerActivations.of(fromRegistry));
        assertInstanceOf(Softmax.class, LayerActivations.resolve(PluginRegistry.discovered(), SOFTMAX,
                dev.backprop.api.Hyperparameters.none()));
        Network network = Network.builder().input(3).dense(4, fromRegistry).build();
        float[] out = network.predict(new float[] {1f, -2f, 0.5f, 3f, 0f, -1f}, 2);
        for (int row = 0; row < 2; row++) {
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += out[row * 4 + k];
            }
            assertEquals(1.0, sum, 1e-5, "each row sums to 1, not the whole batch (row " + row + ")");
        }
    }
}
