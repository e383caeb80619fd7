package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.activation.Activation;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ActivationServiceLoaderTest {

    @Test
    void serviceLoader_findsExactlyTheFourBuiltInsById() {
        Map<String, Class<?>> found = new TreeMap<>();
        for (Activation activation : ServiceLoader.load(Activation.class)) {
            Class<?> previous = found.put(activation.id().value(), activation.getClass());
            assertEquals(null, previous, "two providers claim id " + activation.id());
        }

        assertEquals(Map.of(
                "identity", Identity.class,
                "relu", Relu.class,
                "sigmoid", Sigmoid.class,
                "tanh", Tanh.class), found);
    }
}
