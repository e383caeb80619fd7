package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.optimizer.Optimizer;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OptimizerServiceLoaderTest {

    @Test
    void serviceLoader_findsExactlyTheThreeBuiltInsById() {
        Map<String, Class<?>> found = new TreeMap<>();
        for (Optimizer optimizer : ServiceLoader.load(Optimizer.class)) {
            Class<?> previous = found.put(optimizer.id().value(), optimizer.getClass());
            assertEquals(null, previous, "two providers claim id " + optimizer.id());
        }

        assertEquals(Map.of("adam", Adam.class, "momentum", Momentum.class, "sgd", Sgd.class), found);
    }
}
