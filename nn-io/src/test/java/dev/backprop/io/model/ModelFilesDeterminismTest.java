package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same trained state saves the same bytes, whatever the epochs' wall-clock times were. */
class ModelFilesDeterminismTest {

    @TempDir
    Path dir;

    private final PluginRegistry registry = TestActivations.both();

    @Test
    void twoSavesOfTheSameStateWithDifferentTimings_areByteIdentical() throws IOException {
        Path first = dir.resolve("first.bpnn");
        Path second = dir.resolve("second.bpnn");

        save(first, 1.5, 0.25);
        save(second, 99.0, 1234.5678);

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void loadedHistory_keepsEverythingButTheSeconds() {
        Path file = dir.resolve("run.bpnn");
        save(file, 1.5, 0.25);

        List<EpochReport> history = ModelFiles.checkpoint(file).orElseThrow().history();

        assertEquals(List.of(new EpochReport(1, 3, 0.5, 4, 0, 0.1, 0.75, 0.6, 0.5),
                new EpochReport(2, 3, 0.25, 4, 0, 0.1, 1.0, 0.4, 0.75)), history);
    }

    private void save(Path file, double firstSeconds, double secondSeconds) {
        Network network = TestModels.trained(registry, 11);
        TrainingConfig config = TrainingConfig.builder().loss("mse").optimizer("sgd").epochs(3).seed(9).threads(2)
                .build();
        List<OptimizerState> states = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            states.add(new OptimizerState(1, parameter.size()));
        }
        List<EpochReport> history = List.of(new EpochReport(1, 3, 0.5, 4, firstSeconds, 0.1, 0.75, 0.6, 0.5),
                new EpochReport(2, 3, 0.25, 4, secondSeconds, 0.1, 1.0, 0.4, 0.75));
        ModelFiles.saveCheckpoint(network, config, new TrainingCheckpoint(2, states, history), file);
    }
}
