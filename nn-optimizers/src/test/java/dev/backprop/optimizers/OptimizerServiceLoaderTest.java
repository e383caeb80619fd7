package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.optimizer.Optimizer;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OptimizerServiceLoaderTest {

    @Test
    void serviceLoader_findsExactlyTheTenBuiltInsById() {
        Map<String, Class<?>> found = new TreeMap<>();
        for (Optimizer optimizer : ServiceLoader.load(Optimizer.class)) {
            Class<?> previous = found.put(optimizer.id().value(), optimizer.getClass());
            assertEquals(null, previous, "two providers claim id " + optimizer.id());
        }

        assertEquals(Map.of(
                "adadelta", Adadelta.class,
                "adagrad", Adagrad.class,
                "adam", Adam.class,
                "adamax", Adamax.class,
                "adamw", AdamW.class,
                "momentum", Momentum.class,
                "nadam", Nadam.class,
                "nesterov", Nesterov.class,
                "rmsprop", Rmsprop.class,
                "sgd", Sgd.class), found);
    }
}
