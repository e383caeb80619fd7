package dev.backprop.dashboard;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.core.train.TrainingSettings;
import java.util.List;
import java.util.SplittableRandom;

/** Small seeded training runs for the tests: three Gaussian blobs in 8 dimensions, an 8-16-3 network. */
final class Runs {

    static final int FEATURES = 8;
    static final int CLASSES = 3;

    private Runs() {
    }

    /** {@code size} examples of 3 classes (one-hot targets), each class a blob around its own centre. */
    static Dataset blobs(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] features = new float[size * FEATURES];
        float[] targets = new float[size * CLASSES];
        for (int i = 0; i < size; i++) {
            int label = i % CLASSES;
            for (int f = 0; f < FEATURES; f++) {
                double centre = (f % CLASSES == label) ? 1.5 : -0.5;
                features[i * FEATURES + f] = (float) (centre + random.nextGaussian() * 1.2);
            }
            targets[i * CLASSES + label] = 1;
        }
        return new Dataset(features, FEATURES, targets, CLASSES);
    }

    static Network network(int hidden) {
        return Network.builder().input(FEATURES).dense(hidden, "relu").dense(CLASSES, "softmax").seed(7).build();
    }

    static Trainer trainer(int epochs, int batchSize, List<? extends TrainingListener> listeners) {
        PluginRegistry registry = PluginRegistry.discovered();
        TrainingSettings settings = TrainingSettings.builder().epochs(epochs).batchSize(batchSize).seed(3).threads(1)
                .build();
        return new Trainer(settings, registry.loss("categorical_cross_entropy"), registry.optimizer("adam"),
                listeners);
    }
}
