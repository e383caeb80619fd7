package dev.backprop.core.network;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.PluginId;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The built-in weight initialisers, by id. {@code fanIn} and {@code fanOut} are the layer's input
 * and output widths; biases always start at zero.
 * <ul>
 *   <li>{@code glorot_uniform}: U(−√(6/(in+out)), +√(6/(in+out))) (Glorot &amp; Bengio 2010; sigmoid, tanh)</li>
 *   <li>{@code glorot_normal}: N(0, σ² = 2/(in+out))</li>
 *   <li>{@code he_uniform}: U(−√(6/in), +√(6/in)) (He et al. 2015; ReLU family)</li>
 *   <li>{@code he_normal}: N(0, σ² = 2/in)</li>
 *   <li>{@code lecun_normal}: N(0, σ² = 1/in)</li>
 *   <li>{@code zeros}: all zero (only sensible for a single layer)</li>
 * </ul>
 */
final class WeightInitialization {

    static final List<String> IDS = List.of("glorot_uniform", "glorot_normal", "he_uniform", "he_normal",
            "lecun_normal", "zeros");

    private WeightInitialization() {
    }

    /** Checks that {@code id} names a known initialiser. */
    static void requireKnown(PluginId id) {
        if (!IDS.contains(id.value())) {
            throw new InvalidConfigurationException("No weight initialiser with id '" + id + "'. Available: "
                    + String.join(", ", IDS) + ". Use one of these in withInitializer(...).");
        }
    }

    /** Fills {@code weights} ({@code fanIn × fanOut}) from {@code random} by scheme {@code id}. */
    static void fill(PluginId id, float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        requireKnown(id);
        switch (id.value()) {
            case "glorot_uniform":
                uniform(weights, Math.sqrt(6.0 / (fanIn + fanOut)), random);
                break;
            case "glorot_normal":
                normal(weights, Math.sqrt(2.0 / (fanIn + fanOut)), random);
                break;
            case "he_uniform":
                uniform(weights, Math.sqrt(6.0 / fanIn), random);
                break;
            case "he_normal":
                normal(weights, Math.sqrt(2.0 / fanIn), random);
                break;
            case "lecun_normal":
                normal(weights, Math.sqrt(1.0 / fanIn), random);
                break;
            default:
                java.util.Arrays.fill(weights, 0f);
        }
    }

    private static void uniform(float[] weights, double limit, RandomGenerator random) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) ((random.nextDouble() * 2 - 1) * limit);
        }
    }

    private static void normal(float[] weights, double standardDeviation, RandomGenerator random) {
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (float) (random.nextGaussian() * standardDeviation);
        }
    }
}
