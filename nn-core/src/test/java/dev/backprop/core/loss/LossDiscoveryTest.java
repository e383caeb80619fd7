package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.loss.Loss;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every built-in loss is found by its bare id, through ServiceLoader and through the registry. */
class LossDiscoveryTest {

    private static final Map<String, Class<? extends Loss>> BUILT_INS = new TreeMap<>(Map.of(
            "mse", MeanSquaredError.class,
            "categorical_cross_entropy", CategoricalCrossEntropy.class,
            "sparse_categorical_cross_entropy", SparseCategoricalCrossEntropy.class,
            "mae", MeanAbsoluteError.class,
            "huber", Huber.class,
            "binary_cross_entropy", BinaryCrossEntropy.class,
            "binary_cross_entropy_from_logits", BinaryCrossEntropyFromLogits.class,
            "hinge", Hinge.class,
            "kl_divergence", KullbackLeiblerDivergence.class));

    @Test
    void serviceLoaderFindsEveryBuiltInLoss() {
        Set<String> found = ServiceLoader.load(Loss.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(loss -> loss.id().value())
                .collect(Collectors.toSet());

        assertTrue(found.containsAll(BUILT_INS.keySet()), "found " + found);
    }

    @Test
    void registryResolvesEveryBuiltInLossById() {
        PluginRegistry registry = PluginRegistry.discovered();

        assertTrue(registry.ids(PluginKind.LOSS).containsAll(
                BUILT_INS.keySet().stream().map(PluginId::of).collect(Collectors.toSet())),
                registry.ids(PluginKind.LOSS).toString());
        BUILT_INS.forEach((id, type) -> {
            Loss loss = registry.loss(id);
            assertInstanceOf(type, loss, id);
            assertEquals(id, loss.id().value());
            assertTrue(loss.id().isBuiltInNamespace(), id);
        });
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @Test
    void registryAppliesHuberDelta() {
        Loss loss = PluginRegistry.discovered().loss(Huber.ID, Hyperparameters.of(Huber.DELTA, 2.5));

        assertEquals(new Huber(2.5), loss);
    }
}
