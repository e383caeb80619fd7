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
    void resume_afterAnyBatch_givesTheWeightsAndHistoryOfAnUninterruptedRun_onOneAndTwoThreads() {
        for (int threads : new int[] {1, 2}) {
            TrainingConfig config = config(EPOCHS).withSettings(new TrainingSettings(EPOCHS, 16, true, 11, threads,
                    LearningRateSchedule.cosine(0.1), GradientClipping.none()));
            Network uninterrupted = network();
            TrainingHistory full = trainer(config, List.of()).fit(uninterrupted, train, validation);
            // 150 examples in batches of 16: 10 batches per epoch, the last of 6.
            int[][] stops = {{1, 1}, {1, 9}, {3, 4}, {6, 1}, {6, 9}};
            for (int[] stop : stops) {
                String where = threads + " thread(s), stopped after batch " + stop[1] + " of epoch " + stop[0];
                Network interrupted = network();
                StopAtBatch stopper = new StopAtBatch(stop[0], stop[1]);
                TrainingHistory before = trainer(config, List.of(stopper)).fit(interrupted, train, validation);
                assertEquals(stop[0] - 1, before.epochs().size(), where);
                assertEquals(stop[0] - 1, stopper.saved.completedEpochs(), where);
                assertEquals(stop[1], stopper.saved.currentEpoch().batches(), where);
                assertTrue(stopper.saved.midEpoch(), where);
                assertTrue(stopper.ended, "onTrainingEnd follows the stop: " + where);
                assertEquals(stop[0] - 1, stopper.epochsEnded, "no onEpochEnd for the unfinished epoch: " + where);

                TrainingHistory resumed = trainer(config, List.of()).resume(interrupted, train, validation,
                        stopper.saved);

                assertSameWeights(uninterrupted, interrupted, where);
                assertEquals(EPOCHS, resumed.epochs().size(), where);
                for (int e = 0; e < EPOCHS; e++) {
                    EpochReport expected = full.epochs().get(e);
                    EpochReport actual = resumed.epochs().get(e);
                    assertEquals(expected.loss(), actual.loss(), "loss of epoch " + (e + 1) + ", " + where);
                    assertEquals(expected.accuracy(), actual.accuracy(), "accuracy of epoch " + (e + 1) + ", " + where);
                    assertEquals(expected.learningRate(), actual.learningRate(), where);
                    assertEquals(expected.validationLoss(), actual.validationLoss(), where);
                }
            }
        }
    }

    @Test
    void stopAfterABatch_fromAnotherThread_endsTheRunAtTheNextBatch_withOneLastCheckpoint() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stopButton = new java.util.concurrent.atomic.AtomicBoolean();
        List<String> calls = new ArrayList<>();
        TrainingListener dashboard = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchReport report) {
                calls.add("batch " + report.epoch() + "." + report.batch());
                if (report.epoch() == 2 && report.batch() == 3) {
                    Thread pressStop = new Thread(() -> stopButton.set(true));
                    pressStop.start();
                    try {
                        pressStop.join();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }

            @Override
            public void onCheckpoint(Network network, TrainingConfig config, TrainingCheckpoint checkpoint,
                                     boolean last) {
                calls.add("checkpoint " + checkpoint.position() + (last ? " (last)" : ""));
            }

            @Override
            public void onTrainingEnd(TrainingHistory history) {
                calls.add("end after " + history.epochs().size() + " epochs");
            }

            @Override
            public boolean stopRequested() {
                return stopButton.get();
            }
        };
        trainer(config(EPOCHS), List.of(dashboard)).fit(network(), train);
        assertEquals(List.of("batch 2.3", "checkpoint after batch 3 of epoch 2 (last)", "end after 1 epochs"),
                calls.subList(calls.size() - 3, calls.size()));
        assertEquals(10 + 3, calls.stream().filter(c -> c.startsWith("batch")).count(), calls.toString());
    }

    @Test
    void stopRequestedAfterAnEpochsLastBatch_endsTheRunAtThatEpochsEnd() {
        StopAtBatch stopper = new StopAtBatch(2, 10);
        TrainingHistory history = trainer(config(EPOCHS), List.of(stopper)).fit(network(), train);
        assertEquals(2, history.epochs().size());
        assertEquals(2, stopper.saved.completedEpochs());
        assertFalse(stopper.saved.midEpoch());
    }

    @Test
    void resume_ofAFinishedRun_saysItIsFinished_andHowToTrainLonger() {
        Network network = network();
        StopAfter stopper = new StopAfter(EPOCHS);
        trainer(config(EPOCHS), List.of(stopper)).fit(network, train);
        InvalidConfigurationException finished = assertThrows(InvalidConfigurationException.class,
                () -> trainer(config(EPOCHS), List.of()).resume(network, train, null, stopper.saved));
        assertEquals("This run is finished: its checkpoint has trained all 6 configured epochs, so there is nothing"
                + " left to resume. To train longer, resume with more epochs (for example 16 instead of 6).",
                finished.getMessage());
    }

    @Test
    void resume_inTheMiddleOfAnEpoch_onFewerBatches_isRefused() {
        StopAtBatch stopper = new StopAtBatch(1, 9);
        trainer(config(EPOCHS), List.of(stopper)).fit(network(), train);
        Dataset fewer = TrainerTest.randomClassification(100, 5, 3, 21);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> trainer(config(EPOCHS), List.of()).resume(network(), fewer, null, stopper.saved));
        assertTrue(e.getMessage().contains("stopped after batch 9 of epoch 1, but 100 training examples in batches"
                + " of 16 make only 7 batches per epoch"), e.getMessage());
    }

    @Test
    void resume_inTheLastEpoch_withFewerEpochs_asksForEnough() {
        StopAtBatch stopper = new StopAtBatch(EPOCHS, 2);
        trainer(config(EPOCHS), List.of(stopper)).fit(network(), train);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> trainer(config(EPOCHS - 1), List.of()).resume(network(), train, null, stopper.saved));
        assertTrue(e.getMessage().contains("already trained 5 epochs (after batch 2 of epoch 6) but this run is"
                + " configured for 5: ask for at least 6 epochs"), e.getMessage());
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

    /** Asks to stop after batch {@code batch} of epoch {@code epoch}, and keeps a copy of the last checkpoint. */
    private static final class StopAtBatch implements TrainingListener {
        private final int epoch;
        private final int batch;
        private boolean stop;
        private boolean ended;
        private int epochsEnded;
        private TrainingCheckpoint saved;

        StopAtBatch(int epoch, int batch) {
            this.epoch = epoch;
            this.batch = batch;
        }

        @Override
        public void onBatchEnd(BatchReport report) {
            stop = report.epoch() == epoch && report.batch() == batch;
        }

        @Override
        public void onEpochEnd(EpochReport report) {
            epochsEnded++;
        }

        @Override
        public void onCheckpoint(Network network, TrainingConfig config, TrainingCheckpoint checkpoint, boolean last) {
            if (last) {
                saved = checkpoint.copy();
            }
        }

        @Override
        public void onTrainingEnd(TrainingHistory history) {
            ended = true;
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
