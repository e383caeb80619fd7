package dev.backprop.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.calls;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.NumericalInstabilityException;
import dev.backprop.api.PluginId;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class TrainerTest {

    private static final Dataset XOR = Dataset.of(
            new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new float[][] {{0}, {1}, {1}, {0}});

    @Test
    void fit_xorWithSeedSetup_learnsTheTruthTable() {
        Network network = Network.builder().input(2).dense(4, "sigmoid").dense(1, "sigmoid").seed(1).build();
        TrainingConfig config = TrainingConfig.builder().loss("mse").optimizer("sgd").learningRate(2.0)
                .epochs(3000).batchSize(4).build();
        TrainingHistory history = trainer(config).fit(network, XOR);
        assertTrue(history.finalLoss() < 0.01, "final loss " + history.finalLoss());
        assertEquals(1.0, Evaluation.accuracy(network, XOR));
        assertTrue(history.losses()[0] > history.finalLoss());
    }

    @Test
    void fit_sameSeed_givesBitIdenticalWeights() {
        Dataset data = randomClassification(200, 5, 3, 9);
        float[][] first = trainedWeights(data, 7);
        float[][] second = trainedWeights(data, 7);
        for (int i = 0; i < first.length; i++) {
            assertArrayEquals(first[i], second[i]);
        }
        float[][] other = trainedWeights(data, 8);
        assertFalse(Arrays.equals(first[0], other[0]), "a different seed shuffles differently");
    }

    @Test
    void fit_twoOrThreeThreads_giveTheSameWeightsAsOne() {
        Dataset data = randomClassification(257, 5, 3, 4);
        float[][] single = trainedWeights(data, 7, 1);
        for (int threads : new int[] {2, 3}) {
            float[][] parallel = trainedWeights(data, 7, threads);
            for (int i = 0; i < single.length; i++) {
                assertArrayEquals(single[i], parallel[i], "parameter " + i + " with " + threads + " threads");
            }
        }
    }

    @Test
    void fit_adamWithSoftmaxCrossEntropy_reducesTheLoss() {
        Dataset data = randomClassification(300, 4, 3, 3);
        Network network = Network.builder().input(4).dense(16, "relu").dense(3, "softmax").build();
        TrainingConfig config = TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("adam")
                .learningRate(0.01).epochs(30).batchSize(16).build();
        TrainingHistory history = trainer(config).fit(network, data);
        assertTrue(history.finalLoss() < 0.5 * history.losses()[0], Arrays.toString(history.losses()));
        assertTrue(Evaluation.accuracy(network, data) > 0.9);
    }

    @Test
    void fit_partialLastBatch_countsEveryExampleOnce() {
        TrainingListener listener = mock(TrainingListener.class);
        Network network = Network.builder().input(5).dense(3, "sigmoid").build();
        TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(64).build();
        Trainer trainer = new Trainer(config.settings(), PluginRegistry.discovered().loss("mse"),
                PluginRegistry.discovered().optimizer("sgd"), List.of(listener));
        trainer.fit(network, randomClassification(150, 5, 3, 1));
        InOrder order = inOrder(listener);
        order.verify(listener).onTrainingStart(trainer.config(), 150);
        assertEquals(0.01, trainer.config().optimizerHyperparameters().get("learning_rate", 0), "saved from the plugin");
        order.verify(listener, calls(3)).onBatchEnd(any());   // stopRequested polls come between them
        order.verify(listener).onEpochEnd(argThat(r -> r.epoch() == 1 && r.examples() == 150));
        verify(listener, times(6)).onBatchEnd(any());
        verify(listener, times(2 * (2 + 1))).stopRequested();   // per epoch: after batches 1 and 2, and after it
        verify(listener).onTrainingEnd(any());
    }

    @Test
    void fit_divergingLearningRate_stopsWithEpochAndBatchInTheMessage() {
        Dataset data = Dataset.of(new float[][] {{1e3f, -1e3f}, {2e3f, 5e2f}}, new float[][] {{1e3f}, {-1e3f}});
        Network network = Network.builder().input(2).dense(8, "identity").dense(1, "identity").build();
        TrainingConfig config = TrainingConfig.builder().learningRate(10).epochs(50).batchSize(1).build();
        NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                () -> trainer(config).fit(network, data));
        assertTrue(e.getMessage().matches("Training stopped at epoch \\d+, batch \\d of 2: the mse loss became"
                + " (NaN|Infinity), first in layer \\d \\('identity', .*\\)\\. Nothing from this epoch was saved\\."
                + " Lower the learning rate \\(now 10\\.0\\), scale the inputs, or check that plugin\\."),
                e.getMessage());
    }

    @Test
    void fit_pluginProducingNaN_namesTheLayerAndPluginAndLeavesWeightsAlone() {
        ScalarActivation broken = new ScalarActivation() {
            @Override
            public PluginId id() {
                return PluginId.of("acme.broken");
            }

            @Override
            public double value(double x) {
                return x > 0.5 ? Double.NaN : x;
            }

            @Override
            public double derivative(double x, double y) {
                return 1;
            }
        };
        Network network = Network.builder().input(2).dense(3, "tanh").dense(4, broken).dense(1, "sigmoid").build();
        Dataset data = Dataset.of(new float[][] {{3, 3}, {-3, 3}}, new float[][] {{1}, {0}});
        float[][] before = network.parameters().stream().map(Parameter::values).map(float[]::clone)
                .toArray(float[][]::new);
        NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                () -> trainer(TrainingConfig.builder().epochs(1).batchSize(2).build()).fit(network, data));
        assertTrue(e.getMessage().startsWith("Training stopped at epoch 1, batch 1 of 1: the mse loss became NaN, first"
                + " in layer 2 ('acme.broken', its activation's output). Nothing from this epoch was saved."), e.getMessage());
        for (int p = 0; p < before.length; p++) {
            assertArrayEquals(before[p], network.parameters().get(p).values());
        }
    }

    @Test
    void fit_optimizerWithoutLearningRate_trainsWithTheConstantSchedule() {
        Optimizer halving = new Optimizer() {
            @Override
            public PluginId id() {
                return PluginId.of("acme.halving");
            }

            @Override
            public int stateSlots() {
                return 0;
            }

            @Override
            public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
                for (int i = from; i < to; i++) {
                    parameter[i] -= 0.5f * gradient[i];
                }
            }
        };
        Network network = Network.builder().input(2).dense(1, "sigmoid").build();
        TrainingConfig config = TrainingConfig.builder().epochs(2).batchSize(4).build();
        TrainingHistory history = new Trainer(config.settings(), PluginRegistry.discovered().loss("mse"), halving, List.of())
                .fit(network, XOR);
        assertEquals(2, history.epochs().size());
    }

    @Test
    void fit_dataWiderThanNetwork_saysWhichWidthToChange() {
        Network network = Network.builder().input(3).dense(1, "sigmoid").build();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> trainer(TrainingConfig.builder().build()).fit(network, XOR));
        assertEquals("The network expects 3 input features but the data has 2: build the network with input(2) or"
                + " fix the data.", e.getMessage());
    }

    @Test
    void fit_sparseCrossEntropyWithOneHotTargets_saysTheyLookOneHot_andToUseCategoricalCrossEntropy() {
        Network network = Network.builder().input(4).dense(3, "softmax").build();
        Dataset oneHot = randomClassification(20, 4, 3, 7);
        TrainingConfig sparse = TrainingConfig.builder().loss("sparse_categorical_cross_entropy").build();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> trainer(sparse).fit(network, oneHot));
        assertEquals("The sparse_categorical_cross_entropy loss reads one class index per example, but the targets"
                + " have 3 columns, one per output: they look one-hot. Use categorical_cross_entropy for one-hot"
                + " targets, or give each example its class index (0 to 2) as its one target.", e.getMessage());

        Dataset twoColumns = new Dataset(new float[20 * 4], 4, new float[20 * 2], 2);
        ShapeMismatchException other = assertThrows(ShapeMismatchException.class,
                () -> trainer(sparse).fit(network, twoColumns));
        assertEquals("The sparse_categorical_cross_entropy loss reads 1 target value per example for a network with"
                + " 3 outputs, but the data has 2: make the last layer match, encode the targets to match.",
                other.getMessage(), "not one column per output: the general message");
    }

    @Test
    void fit_cosineScheduleToZero_trainsAndLeavesTheWeightsAloneInTheZeroRateEpoch() {
        Dataset data = randomClassification(60, 4, 3, 5);
        Network network = Network.builder().input(4).dense(3, "softmax").seed(2).build();
        float[][] afterTwo = new float[1][];
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochReport report) {
                if (report.epoch() == 2) {
                    afterTwo[0] = network.parameters().get(0).values().clone();
                }
            }
        };
        TrainingConfig config = TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("adam")
                .learningRate(0.01).epochs(3).schedule(LearningRateSchedule.cosine(0.0)).build();
        TrainingHistory history = TestTrainers.of(config, PluginRegistry.discovered(), List.of(recorder))
                .fit(network, data);
        assertEquals(0.0, history.epochs().get(2).learningRate());
        assertArrayEquals(afterTwo[0], network.parameters().get(0).values());
    }

    private static float[][] trainedWeights(Dataset data, long seed) {
        return trainedWeights(data, seed, 1);
    }

    private static float[][] trainedWeights(Dataset data, long seed, int threads) {
        Network network = Network.builder().input(5).dense(8, "tanh").dense(3, "softmax").seed(3).build();
        TrainingConfig config = TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("momentum",
                Hyperparameters.of("learning_rate", 0.05)).epochs(3).batchSize(10).seed(seed).threads(threads).build();
        trainer(config).fit(network, data);
        return network.parameters().stream().map(Parameter::values).map(float[]::clone).toArray(float[][]::new);
    }

    private static Trainer trainer(TrainingConfig config) {
        return TestTrainers.of(config, PluginRegistry.discovered(), List.of());
    }

    /** Separable data: the class is the index of the largest of the first {@code classes} features. */
    static Dataset randomClassification(int size, int features, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size * features];
        float[] y = new float[size * classes];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < features; j++) {
                x[i * features + j] = (float) random.nextDouble(-1, 1);
            }
            y[i * classes + Evaluation.argMax(x, i * features, classes)] = 1f;
        }
        return new Dataset(x, features, y, classes);
    }

}
