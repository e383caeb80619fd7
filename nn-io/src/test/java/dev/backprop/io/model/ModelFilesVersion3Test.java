package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.core.network.GradientClipping;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.network.WeightPenalty;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint written by format version 3 (every setting a double, no kind tags), committed as
 * {@code src/test/resources/model/v3-checkpoint.bpnn}, still loads exactly as it was saved.
 */
class ModelFilesVersion3Test {

    private static final Path FILE = Path.of("src", "test", "resources", "model", "v3-checkpoint.bpnn");

    @Test
    void loadCheckpoint_ofVersion3File_givesTheSavedArchitectureWeightsConfigurationAndState() {
        ResumableRun run = ModelFiles.loadCheckpoint(FILE, PluginRegistry.discovered());

        LayerSpec first = run.network().spec().layers().get(0);
        assertEquals(3, run.network().spec().inputWidth());
        assertEquals(4, first.width());
        assertEquals(PluginId.of("leaky_relu"), first.activation());
        assertEquals(Hyperparameters.of("alpha", 0.2), first.activationHyperparameters());
        assertEquals(PluginId.of("constant"), first.initializer());
        assertEquals(Hyperparameters.of("value", 0.25), first.initializerHyperparameters());
        assertEquals(new WeightPenalty(0.001, 0.01), first.penalty());
        assertEquals(0.1, first.dropout());
        assertEquals(PluginId.of("softmax"), run.network().spec().layers().get(1).activation());
        int k = 0;
        for (Parameter parameter : run.network().parameters()) {
            float[] expected = new float[parameter.size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = (k++ % 7 - 3) * 0.125f;
            }
            assertArrayEquals(expected, parameter.values(), parameter.name());
        }

        TrainingConfig expectedConfig = TrainingConfig.builder()
                .loss("huber", Hyperparameters.of("delta", 0.5))
                .optimizer("momentum", Hyperparameters.of("learning_rate", 0.05, "momentum", 0.8))
                .epochs(6).batchSize(8).shuffle(false).seed(-7).threads(1)
                .schedule(LearningRateSchedule.linearWarmup(2, LearningRateSchedule.step(3, 0.5)))
                .clipping(GradientClipping.byNorm(2.5)).build();
        assertEquals(expectedConfig, run.config());

        TrainingCheckpoint checkpoint = run.checkpoint();
        assertEquals(2, checkpoint.completedEpochs());
        assertEquals(List.of(new EpochReport(1, 6, 0.75, 16, 0.5, 0.025, 0.5, 0.8, 0.25),
                new EpochReport(2, 6, 0.5, 16, 0.25, 0.05, 0.75, 0.6, 0.5)), checkpoint.history());
        assertEquals(run.network().parameters().size(), checkpoint.optimizerStates().size());
        for (int p = 0; p < checkpoint.optimizerStates().size(); p++) {
            var state = checkpoint.optimizerStates().get(p);
            assertEquals(1, state.slotCount());
            assertEquals(4, state.step());
            float[] expected = new float[run.network().parameters().get(p).size()];
            for (int i = 0; i < expected.length; i++) {
                expected[i] = i * 0.5f - 1f;
            }
            assertArrayEquals(expected, state.slot(0));
        }
    }

    @Test
    void open_ofVersion3File_givesTheSameNetworkAsLoad() {
        PluginRegistry registry = PluginRegistry.discovered();
        Network loaded = ModelFiles.load(FILE, registry);
        LoadedModel opened = ModelFiles.open(FILE, registry);

        assertEquals(loaded.spec(), opened.network().spec());
        assertEquals(2, opened.trainedEpochs());
    }
}
