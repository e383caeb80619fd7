package dev.backprop.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.GradientClipping;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainerResumeTest {

    private static final int EPOCHS = 6;

    private final Dataset train = TrainerTest.randomClassification(150, 5, 3, 21);
    private final Dataset validation = TrainerTest.randomClassification(40, 5, 3, 22);

    /** Dropout, a shuffled order, Adam's moments and a cosine schedule: every piece of state a resume needs. */
    private static Network network() {
        return Network.builder().input(5).dense(12, "relu").dropout(0.25).dense(3, "softmax").seed(5).build();
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("adam").learningRate(0.02)
                .epochs(epochs).batchSize(16).seed(11).threads(1)
                .schedule(LearningRateSchedule.cosine(0.1)).build();
    }

    @Test
    void resume_afterAnyEpoch_givesTheWeightsOfAnUninterruptedRun() {
        Network uninterrupted = network();
        TrainingHistory full = trainer(config(EPOCHS), List.of()).fit(uninterrupted, train, validation);

        for (int stopAfter : new int[] {1, 3, 5}) {
            Network interrupted = network();
            StopAfter stopper = new StopAfter(stopAfter);
            trainer(config(EPOCHS), List.of(stopper)).fit(interrupted, train, validation);
            assertEquals(stopAfter, stopper.saved.completedEpochs());

            TrainingHistory resumed = trainer(config(EPOCHS), List.of())
                    .resume(interrupted, train, validation, stopper.saved);

            assertSameWeights(uninterrupted, interrupted, "stopped after epoch " + stopAfter);
            assertEquals(EPOCHS, resumed.epochs().size());
            for (int e = 0; e < EPOCHS; e++) {
                assertEquals(full.epochs().get(e).loss(), resumed.epochs().get(e).loss(), "loss of epoch " + (e + 1));
                assertEquals(full.epochs().get(e).validationAccuracy(),
                        resumed.epochs().get(e).validationAccuracy());
            }
        }
    }

    @Test
    void resume_withAnotherThreadCount_givesTheSameWeights() {
        Network uninterrupted = network();
        trainer(config(EPOCHS), List.of()).fit(uninterrupted, train, validation);
        Network interrupted = network();
        StopAfter stopper = new StopAfter(2);
        trainer(config(EPOCHS), List.of(stopper)).fit(interrupted, train, validation);
        TrainingConfig twoThreads = config(EPOCHS).withSettings(new TrainingSettings(EPOCHS, 16, true, 11, 2,
                LearningRateSchedule.cosine(0.1), GradientClipping.none()));
        trainer(twoThreads, List.of()).resume(interrupted, train, validation, stopper.saved);
        assertSameWeights(uninterrupted, interrupted, "resumed on 2 threads");
    }

    @Test
    void resume_onAnotherNumberOfExamples_isRefused() {
        Network network = network();
        StopAfter stopper = new StopAfter(2);
        trainer(config(EPOCHS), List.of(stopper)).fit(network, train);
        Dataset fewer = TrainerTest.randomClassification(140, 5, 3, 21);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> trainer(config(EPOCHS), List.of()).resume(network, fewer, null, stopper.saved));
        assertTrue(e.getMessage().contains("trained on 150 examples per epoch but this training set has 140"),
                e.getMessage());
    }

    @Test
    void resume_leavesTheGivenCheckpointUnchanged_soItCanBeResumedTwice() {
        Network first = network();
        StopAfter stopper = new StopAfter(2);
        trainer(config(EPOCHS), List.of(stopper)).fit(first, train);
        float[][] weightsAtStop = weights(first);
        long stepAtStop = stopper.saved.optimizerStates().get(0).step();

        trainer(config(EPOCHS), List.of()).resume(first, train, null, stopper.saved);
        assertEquals(stepAtStop, stopper.saved.optimizerStates().get(0).step());

        Network second = network();
        copyWeights(weightsAtStop, second);
        trainer(config(EPOCHS), List.of()).resume(second, train, null, stopper.saved);
        assertSameWeights(first, second, "two resumes of one checkpoint");
    }

    @Test
    void resume_withMoreEpochs_trainsOnAndKeepsTheEarlierHistory() {
        Network network = network();
        StopAfter stopper = new StopAfter(EPOCHS);
        trainer(config(EPOCHS), List.of(stopper)).fit(network, train);
        TrainingHistory longer = trainer(config(EPOCHS + 2), List.of()).resume(network, train, null, stopper.saved);
        assertEquals(EPOCHS + 2, longer.epochs().size());
        assertEquals(EPOCHS + 2, longer.epochs().get(EPOCHS + 1).epoch());
    }

    @Test
    void resume_pastTheConfiguredEpochs_orWithAnotherOptimizer_isRefused() {
        Network network = network();
        StopAfter stopper = new StopAfter(4);
        trainer(config(EPOCHS), List.of(stopper)).fit(network, train);

        InvalidConfigurationException tooFew = assertThrows(InvalidConfigurationException.class,
                () -> trainer(config(3), List.of()).resume(network, train, null, stopper.saved));
        assertTrue(tooFew.getMessage().contains("already trained 4 epochs"), tooFew.getMessage());

        TrainingConfig sgd = TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("momentum")
                .epochs(EPOCHS).build();
        ShapeMismatchException other = assertThrows(ShapeMismatchException.class,
                () -> trainer(sgd, List.of()).resume(network, train, null, stopper.saved));
        assertTrue(other.getMessage().contains("optimizer 'momentum' uses 1"), other.getMessage());

        Network wider = Network.builder().input(5).dense(13, "relu").dense(3, "softmax").build();
        ShapeMismatchException shape = assertThrows(ShapeMismatchException.class,
                () -> trainer(config(EPOCHS), List.of()).resume(wider, train, null, stopper.saved));
        assertTrue(shape.getMessage().contains("dense_1.weight"), shape.getMessage());
    }

    @Test
    void fit_withValidation_reportsItsLossAndAccuracy_andRunningTrainingAccuracy() {
        Network network = Network.builder().input(5).dense(3, "softmax").seed(3).build();
        TrainingConfig frozen = TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("sgd")
                .learningRate(1e-30).epochs(1).batchSize(7).threads(1).build();
        EpochReport report = trainer(frozen, List.of()).fit(network, train, validation).epochs().get(0);
        // Steps of 1e-30 are below every weight's float resolution: the weights stay as they are, so the running accuracy is the plain one.
        assertEquals(Evaluation.accuracy(network, train), report.accuracy(), 1e-12);
        assertEquals(Evaluation.accuracy(network, validation), report.validationAccuracy(), 1e-12);
        assertEquals(Evaluation.loss(network, validation, PluginRegistry.discovered().loss(dev.backprop.api.PluginId.of("categorical_cross_entropy"),
                dev.backprop.api.Hyperparameters.none())), report.validationLoss(), 1e-9);
        assertTrue(report.hasValidation());

        EpochReport without = trainer(frozen, List.of()).fit(network, train).epochs().get(0);
        assertFalse(without.hasValidation());
        assertTrue(Double.isNaN(without.validationAccuracy()));
    }

    private static Trainer trainer(TrainingConfig config, List<TrainingListener> listeners) {
        return TestTrainers.of(config, PluginRegistry.discovered(), listeners);
    }

    /** Saves a copy of the checkpoint after epoch {@code k} and stops there, as a killed run would. */
    private static final class StopAfter implements TrainingListener {
        private final int epoch;
        private boolean stop;
        private TrainingCheckpoint saved;

        StopAfter(int epoch) {
            this.epoch = epoch;
        }

        @Override
        public void onEpochEnd(EpochReport report) {
            stop = report.epoch() >= epoch;
        }

        @Override
        public void onCheckpoint(Network network, TrainingConfig config, TrainingCheckpoint checkpoint, boolean last) {
            if (checkpoint.completedEpochs() == epoch) {
                assertTrue(last, "a stop makes this the last checkpoint");
                saved = checkpoint.copy();
            }
        }

        @Override
        public boolean stopRequested() {
            return stop;
        }
    }

    private static float[][] weights(Network network) {
        List<float[]> values = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            values.add(parameter.values().clone());
        }
        return values.toArray(new float[0][]);
    }

    private static void copyWeights(float[][] values, Network network) {
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, network.parameters().get(i).values(), 0, values[i].length);
        }
    }

    private static void assertSameWeights(Network expected, Network actual, String what) {
        for (int i = 0; i < expected.parameters().size(); i++) {
            assertArrayEquals(expected.parameters().get(i).values(), actual.parameters().get(i).values(),
                    what + ": " + expected.parameters().get(i).name());
        }
    }
}
