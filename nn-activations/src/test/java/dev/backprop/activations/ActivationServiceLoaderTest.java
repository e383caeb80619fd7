package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.backprop.api.activation.Activation;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ActivationServiceLoaderTest {

    @Test
    void serviceLoader_findsExactlyTheFifteenBuiltInsById() {
        Map<String, Class<?>> found = new TreeMap<>();
        for (Activation activation : ServiceLoader.load(Activation.class)) {
            Class<?> previous = found.put(activation.id().value(), activation.getClass());
            assertEquals(null, previous, "two providers claim id " + activation.id());
        }

        assertEquals(Map.ofEntries(
                Map.entry("elu", Elu.class),
                Map.entry("gelu", Gelu.class),
                Map.entry("hard_sigmoid", HardSigmoid.class),
                Map.entry("hard_tanh", HardTanh.class),
                Map.entry("identity", Identity.class),
                Map.entry("leaky_relu", LeakyRelu.class),
                Map.entry("mish", Mish.class),
                Map.entry("relu", Relu.class),
                Map.entry("relu6", Relu6.class),
                Map.entry("selu", Selu.class),
                Map.entry("sigmoid", Sigmoid.class),
                Map.entry("silu", Silu.class),
                Map.entry("softplus", Softplus.class),
                Map.entry("softsign", Softsign.class),
                Map.entry("tanh", Tanh.class)), found);
    }

    /** ServiceLoader's instances use the no-argument constructor, so they must carry the default settings. */
    @Test
    void serviceLoader_instancesHaveTheDefaultSettings() {
        Map<String, Activation> byId = new TreeMap<>();
        for (Activation activation : ServiceLoader.load(Activation.class)) {
            byId.put(activation.id().value(), activation);
        }
        assertNotNull(byId.get("leaky_relu"));
        assertEquals(new LeakyRelu(), byId.get("leaky_relu"));
        assertEquals(0.01, byId.get("leaky_relu").hyperparameters().get("alpha", Double.NaN), 0.0);
        assertEquals(new Elu(), byId.get("elu"));
        assertEquals(1.0, byId.get("elu").hyperparameters().get("alpha", Double.NaN), 0.0);
    }
}
