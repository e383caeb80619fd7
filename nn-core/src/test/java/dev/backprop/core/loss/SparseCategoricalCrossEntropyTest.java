package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TestTrainers;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SparseCategoricalCrossEntropyTest {

    private final float[] probabilities = {0.2f, 0.5f, 0.3f, 0.6f, 0.1f, 0.3f};
    private final float[] labels = {1f, 0f};
    private final float[] oneHot = {0f, 1f, 0f, 1f, 0f, 0f};

    @Test
    void equalsOneHotCrossEntropy_valueAndGradient() {
        float[] sparseGradient = new float[6];
        float[] denseGradient = new float[6];
        double sparse = new SparseCategoricalCrossEntropy().evaluate(probabilities, labels, 2, 3, sparseGradient);
        double dense = new CategoricalCrossEntropy().evaluate(probabilities, oneHot, 2, 3, denseGradient);
        assertEquals(dense, sparse, 1e-9);
        assertArrayEquals(denseGradient, sparseGradient, 1e-7f);
    }

    @Test
    void fusedWithSoftmax_equalsOneHotFusedGradient() {
        float[] sparseGradient = new float[6];
        float[] denseGradient = new float[6];
        new SparseCategoricalCrossEntropy().evaluateAfterSoftmax(probabilities, labels, 2, 3, sparseGradient);
        new CategoricalCrossEntropy().evaluateAfterSoftmax(probabilities, oneHot, 2, 3, denseGradient);
        assertArrayEquals(denseGradient, sparseGradient, 1e-7f);
    }

    @Test
    void labelOutOfRange_saysWhatIsExpected() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new SparseCategoricalCrossEntropy().evaluate(probabilities, new float[] {3f, 0.5f}, 2, 3,
                        new float[6]));
        assertTrue(e.getMessage().contains("expects a class index, a whole number in [0, 3)"), e.getMessage());
    }

    @Test
    void trainer_learnsFromIntegerLabels() {
        SplittableRandom random = new SplittableRandom(2);
        int size = 300;
        float[] x = new float[size * 3];
        float[] y = new float[size];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < 3; j++) {
                x[i * 3 + j] = (float) random.nextDouble(-1, 1);
            }
            y[i] = Evaluation.argMax(x, i * 3, 3);
        }
        Dataset data = new Dataset(x, 3, y, 1);
        Network network = Network.builder().input(3).dense(16, "relu").dense(3, "softmax").build();
        TrainingConfig config = TrainingConfig.builder().loss("sparse_categorical_cross_entropy").optimizer("adam")
                .learningRate(0.02).epochs(40).batchSize(20).build();
        TestTrainers.of(config, PluginRegistry.discovered(), List.of()).fit(network, data);
        assertTrue(Evaluation.accuracy(network, data) > 0.9, "accuracy " + Evaluation.accuracy(network, data));
    }
}
