package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.GradientClipping;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.BatchReport;
import dev.backprop.core.train.EpochProgress;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints: the whole run's configuration and the resume state survive a save and a load. */
class ModelFilesCheckpointTest {

    private static final int EPOCHS = 5;

    @TempDir
    Path dir;

    private final PluginRegistry registry = PluginRegistry.discovered();
    private final Dataset train = data(120, 1);
    private final Dataset validation = data(30, 2);

    @Test
    void resumeFromACheckpointFile_endsWithTheWeightsOfAnUninterruptedRun() {
        TrainingConfig config = config(EPOCHS);
        Network uninterrupted = network();
        List<EpochReport> full = TestTrainers.of(config, registry, List.of()).fit(uninterrupted, train, validation)
                .epochs();

        Path file = dir.resolve("run.bpnn");
        Network interrupted = network();
        Trainer stopping = TestTrainers.of(config, registry, List.of(new Checkpointer(file, 1),
                new StopAfter(2)));
        stopping.fit(interrupted, train, validation);

        ResumableRun run = ModelFiles.loadCheckpoint(file, registry);
        assertEquals(stopping.config(), run.config(), "the optimizer's every setting, defaults included");
        assertEquals(2, run.checkpoint().completedEpochs());
        assertEquals(full.subList(0, 2).stream().map(EpochReport::loss).toList(),
                run.checkpoint().history().stream().map(EpochReport::loss).toList());
        List<EpochReport> resumed = TestTrainers.of(run.config(), registry, List.of())
                .resume(run.network(), train, validation, run.checkpoint()).epochs();

        for (int i = 0; i < uninterrupted.parameters().size(); i++) {
            assertArrayEquals(uninterrupted.parameters().get(i).values(), run.network().parameters().get(i).values(),
                    uninterrupted.parameters().get(i).name());
        }
        assertEquals(full.get(EPOCHS - 1).validationAccuracy(), resumed.get(EPOCHS - 1).validationAccuracy());
    }

    @Test
    void stopBetweenTwoBatches_savesTheUnfinishedEpoch_andTheFileResumesToTheWeightsOfAnUninterruptedRun() {
        TrainingConfig config = config(EPOCHS);
        Network uninterrupted = network();
        List<EpochReport> full = TestTrainers.of(config, registry, List.of()).fit(uninterrupted, train, validation)
                .epochs();
        // 120 examples in batches of 16: 8 batches per epoch.
        for (int batch : new int[] {1, 5, 7}) {
            Path file = dir.resolve("run-" + batch + ".bpnn");
            Network interrupted = network();
            StopAtBatch stop = new StopAtBatch(3, batch);
            TestTrainers.of(config, registry, List.of(new Checkpointer(file, 10), stop))
                    .fit(interrupted, train, validation);

            ResumableRun run = ModelFiles.loadCheckpoint(file, registry);
            TrainingCheckpoint saved = run.checkpoint();
            assertEquals(2, saved.completedEpochs());
            assertTrue(saved.midEpoch());
            assertEquals(batch, saved.currentEpoch().batches());
            assertEquals(stop.atStop.currentEpoch().lossSum(), saved.currentEpoch().lossSum());
            assertEquals(stop.atStop.currentEpoch().correct(), saved.currentEpoch().correct());
            assertEquals(0.0, saved.currentEpoch().seconds(), "wall-clock time is not saved");
            assertEquals("after batch " + batch + " of epoch 3", saved.position());

            List<EpochReport> resumed = TestTrainers.of(run.config(), registry, List.of())
                    .resume(run.network(), train, validation, saved).epochs();
            for (int i = 0; i < uninterrupted.parameters().size(); i++) {
                assertArrayEquals(uninterrupted.parameters().get(i).values(),
                        run.network().parameters().get(i).values(), "batch " + batch + ": "
                                + uninterrupted.parameters().get(i).name());
            }
            assertEquals(full.get(2).loss(), resumed.get(2).loss(), "the unfinished epoch's loss, completed");
            assertEquals(full.get(2).accuracy(), resumed.get(2).accuracy());
        }
    }

    @Test
    void checkpoint_atAnEpochsEnd_readsBackAsZeroBatchesIntoTheNext() {
        Path file = dir.resolve("run.bpnn");
        TestTrainers.of(config(EPOCHS), registry, List.of(new Checkpointer(file, 1), new StopAfter(2)))
                .fit(network(), train);
        TrainingCheckpoint saved = ModelFiles.checkpoint(file).orElseThrow();
        assertEquals(2, saved.completedEpochs());
        assertFalse(saved.midEpoch());
        assertEquals(EpochProgress.none(), saved.currentEpoch());
    }

    @Test
    void checkpoint_roundTripsEveryScheduleClippingAndOptimizerStep() {
        TrainingConfig config = TrainingConfig.builder().loss("huber", Hyperparameters.of("delta", 0.5))
                .optimizer("adam", Hyperparameters.of("learning_rate", 0.01, "beta1", 0.8)).epochs(9).batchSize(7)
                .shuffle(false).seed(-3).threads(1).clipping(GradientClipping.byNorm(2.5))
                .schedule(LearningRateSchedule.linearWarmup(2, LearningRateSchedule.linearWarmup(1,
                        LearningRateSchedule.step(3, 0.5)))).build();
        Network network = Network.builder().input(3).dense(4, "tanh").dense(2, "identity").seed(4).build();
        Dataset regression = new Dataset(new float[] {1, 2, 3, 4, 5, 6}, 3, new float[] {1, 0, 0, 1}, 2);
        Path file = dir.resolve("run.bpnn");
        Trainer stopping = TestTrainers.of(config, registry, List.of(new Checkpointer(file, 2),
                new StopAfter(3)));
        stopping.fit(network, regression);

        ResumableRun run = ModelFiles.loadCheckpoint(file, registry);

        assertEquals(stopping.config(), run.config());
        assertEquals(config.settings(), run.config().settings());
        assertEquals(3, run.checkpoint().completedEpochs(), "every 2 epochs, and after the last (a stop)");
        assertEquals(3, run.checkpoint().optimizerStates().get(0).step(), "one batch per epoch");
        assertEquals(2, run.checkpoint().optimizerStates().get(0).slotCount());
        for (LearningRateSchedule schedule : List.of(LearningRateSchedule.constant(),
                LearningRateSchedule.exponential(0.9), LearningRateSchedule.cosine(0.1))) {
            TrainingConfig other = TrainingConfig.builder().schedule(schedule).build();
            ModelFiles.save(network, other, file);
            assertEquals(other, ModelFiles.open(file, registry).config().orElseThrow());
        }
    }

    @Test
    void loadCheckpoint_ofAModelWithoutState_saysHowToSaveOne() {
        Path file = dir.resolve("model.bpnn");
        ModelFiles.save(network(), config(EPOCHS), file);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.loadCheckpoint(file, registry));
        assertTrue(e.getMessage().contains("no training state to resume from"), e.getMessage());
        assertTrue(e.getMessage().contains("--checkpoint-every"), e.getMessage());
    }

    @Test
    void checkpointFile_truncatedOrWithAFlippedByte_isReportedAndNotLoaded() throws IOException {
        Path file = dir.resolve("run.bpnn");
        TestTrainers.of(config(EPOCHS), registry, List.of(new Checkpointer(file, 1), new StopAfter(1)))
                .fit(network(), train);
        byte[] bytes = Files.readAllBytes(file);

        Path truncated = dir.resolve("truncated.bpnn");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 200));
        ModelFormatException cut = assertThrows(ModelFormatException.class,
                () -> ModelFiles.loadCheckpoint(truncated, registry));
        assertTrue(cut.getMessage().contains("ends early"), cut.getMessage());

        Path flipped = dir.resolve("flipped.bpnn");
        byte[] changed = bytes.clone();
        changed[bytes.length - 300] ^= 0x10;   // inside the optimizer state or history
        Files.write(flipped, changed);
        ModelFormatException corrupt = assertThrows(ModelFormatException.class,
                () -> ModelFiles.loadCheckpoint(flipped, registry));
        assertTrue(corrupt.getMessage().contains("checksum"), corrupt.getMessage());
    }

    @Test
    void checkpointNamingAMissingOptimizer_saysWhichOneAndWhatIsInstalled() {
        Path file = dir.resolve("run.bpnn");
        TestTrainers.of(config(EPOCHS), registry, List.of(new Checkpointer(file, 1), new StopAfter(1)))
                .fit(network(), train);
        PluginRegistry withoutAdam = PluginRegistry.of(List.of(registry.activation("relu")),
                List.of(registry.loss("categorical_cross_entropy")),
                List.of(registry.optimizer("sgd")));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.loadCheckpoint(file, withoutAdam));
        assertTrue(e.getMessage().contains("optimizer 'adam'"), e.getMessage());
    }

    @Test
    void checkpointNamingAThirdPartyLossNotInstalled_leadsWithTheCommandLineFix_andShowsNoEmptySettings() {
        Path file = dir.resolve("run.bpnn");
        Network network = network();
        TrainingConfig thirdParty = TrainingConfig.builder().loss("thirdparty.scaled_mse").optimizer("sgd").build();
        List<dev.backprop.api.optimizer.OptimizerState> states = network.parameters().stream()
                .map(p -> new dev.backprop.api.optimizer.OptimizerState(0, p.size())).toList();
        ModelFiles.saveCheckpoint(network, thirdParty, new TrainingCheckpoint(0, states, List.of()), file);

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.loadCheckpoint(file, registry));

        assertEquals("Model file " + file + " needs the loss 'thirdparty.scaled_mse', which is not installed: add"
                + " --plugins DIR with the jar that provides 'thirdparty.scaled_mse' (in code: put that jar on the"
                + " classpath, or load with a PluginRegistry that has it).", e.getMessage());
        assertFalse(e.getMessage().contains("{}"), e.getMessage());
    }

    @Test
    void checkpointWhoseSettingsTheInstalledPluginRefuses_namesThemAndTheFix() {
        Path file = dir.resolve("run.bpnn");
        Network network = network();
        TrainingConfig config = TrainingConfig.builder().loss("huber", Hyperparameters.of("delta", 0.5))
                .optimizer("sgd").build();
        List<dev.backprop.api.optimizer.OptimizerState> states = network.parameters().stream()
                .map(p -> new dev.backprop.api.optimizer.OptimizerState(0, p.size())).toList();
        ModelFiles.saveCheckpoint(network, config, new TrainingCheckpoint(0, states, List.of()), file);
        dev.backprop.api.loss.Loss strictHuber = new dev.backprop.api.loss.ElementwiseLoss() {
            @Override
            public dev.backprop.api.PluginId id() {
                return dev.backprop.api.PluginId.of("huber");
            }

            @Override
            public double value(double prediction, double target) {
                return 0;
            }

            @Override
            public double derivative(double prediction, double target) {
                return 0;
            }
        };
        PluginRegistry withoutDelta = PluginRegistry.of(List.of(registry.activation("relu")), List.of(strictHuber),
                List.of(registry.optimizer("sgd")));

        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> ModelFiles.loadCheckpoint(file, withoutDelta));

        assertTrue(e.getMessage().contains("was saved with the loss 'huber' with settings {delta=0.5}, which the"
                + " installed plugin cannot set up:"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Install the plugin version the run was saved with."), e.getMessage());
    }

    @Test
    void aScheduleOfTheUsersOwn_isRefusedBeforeTrainingStarts_andNothingIsWritten() {
        TrainingConfig custom = TrainingConfig.builder().schedule((epoch, epochs, initial) -> initial / epoch).build();
        Path file = dir.resolve("run.bpnn");
        Trainer trainer = TestTrainers.of(custom, registry, List.of(new Checkpointer(file, 1)));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> trainer.fit(network(), train));
        assertTrue(e.getMessage().contains("only the built-in schedules"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    @Test
    void saveCheckpoint_ofStateThatDoesNotFitTheNetwork_isRefusedAndWritesNothing() {
        Path file = dir.resolve("run.bpnn");
        TrainingCheckpoint[] saved = new TrainingCheckpoint[1];
        TestTrainers.of(config(EPOCHS), registry, List.of(new StopAfter(1), new TrainingListener() {
            @Override
            public void onCheckpoint(Network network, TrainingConfig config, TrainingCheckpoint checkpoint,
                                     boolean last) {
                saved[0] = checkpoint.copy();
            }
        })).fit(network(), train);
        Network other = Network.builder().input(4).dense(9, "relu").dense(3, "softmax").build();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> ModelFiles.saveCheckpoint(other, config(EPOCHS), saved[0], file));
        assertTrue(e.getMessage().contains("dense_1.weight"), e.getMessage());
        assertFalse(Files.exists(file));
    }

    private static Network network() {
        return Network.builder().input(4).dense(8, "relu").dropout(0.2).dense(3, "softmax").seed(9).build();
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("adam").learningRate(0.01)
                .epochs(epochs).batchSize(16).seed(5).threads(1).schedule(LearningRateSchedule.cosine(0.0)).build();
    }

    private static Dataset data(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[size * 4];
        float[] y = new float[size * 3];
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < 4; j++) {
                x[i * 4 + j] = (float) random.nextDouble(-1, 1);
            }
            y[i * 3 + (x[i * 4] > 0.3 ? 0 : x[i * 4 + 1] > 0 ? 1 : 2)] = 1;
        }
        return new Dataset(x, 4, y, 3);
    }

    /** Asks to stop after batch {@code batch} of epoch {@code epoch}; keeps a copy of the last checkpoint. */
    private static final class StopAtBatch implements TrainingListener {
        private final int epoch;
        private final int batch;
        private boolean stop;
        private TrainingCheckpoint atStop;

        StopAtBatch(int epoch, int batch) {
            this.epoch = epoch;
            this.batch = batch;
        }

        @Override
        public void onBatchEnd(BatchReport report) {
            stop = report.epoch() == epoch && report.batch() == batch;
        }

        @Override
        public void onCheckpoint(Network network, TrainingConfig config, TrainingCheckpoint checkpoint, boolean last) {
            if (last) {
                atStop = checkpoint.copy();
            }
        }

        @Override
        public boolean stopRequested() {
            return stop;
        }
    }

    /** Stops the run after epoch {@code k}, as if it had been killed there. */
    private static final class StopAfter implements TrainingListener {
        private final int epoch;
        private boolean stop;

        StopAfter(int epoch) {
            this.epoch = epoch;
        }

        @Override
        public void onEpochEnd(EpochReport report) {
            stop = report.epoch() >= epoch;
        }

        @Override
        public boolean stopRequested() {
            return stop;
        }
    }
}
