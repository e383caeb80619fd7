package dev.backprop.io.model;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.SplittableRandom;

/** Networks and inputs shared by the model-file tests. */
final class TestModels {

    /** Rows of {@link #INPUTS}. */
    static final int ROWS = 4;
    /** Four examples of three features, row-major, including negatives so that the leaky slope matters. */
    static final float[] INPUTS = {
        0.5f, -1.25f, 2.0f,
        -3.0f, 0.75f, 0.1f,
        1.0f, 1.0f, -1.0f,
        -0.2f, -0.4f, 0.6f,
    };

    private TestModels() {
    }

    /**
     * A 3-5-4-3 network: tanh, leaky ReLU with {@code alpha = 0.2} and an explicit initialiser, then
     * core's softmax; its values scrambled by {@code seed} as if trained (biases included).
     */
    static Network trained(PluginRegistry registry, long seed) {
        Network network = Network.builder().registry(registry).input(3)
                .dense(5, "test.tanh")
                .dense(4, "test.leaky", Hyperparameters.of(TestActivations.Leaky.ALPHA, 0.2)).withInitializer("he_uniform")
                .dense(3, "softmax")
                .seed(seed)
                .build();
        SplittableRandom random = new SplittableRandom(seed);
        for (Parameter parameter : network.parameters()) {
            float[] values = parameter.values();
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * 0.8);
            }
        }
        return network;
    }

    static float[] predictions(Network network) {
        return network.predict(INPUTS, ROWS);
    }
}
