package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loss and optimizer settings (beta1, delta, ...) round-trip through model files. */
class ModelFilesTrainingTest {

    @TempDir
    Path dir;

    private final Network network = Network.builder().input(3).dense(4, "relu").dense(2, "softmax").build();

    @Test
    void open_afterSaveWithConfig_givesTheSameLossOptimizerAndSettings() {
        TrainingConfig config = TrainingConfig.builder().loss("huber", Hyperparameters.of("delta", 0.5))
                .optimizer("adam", Hyperparameters.of("learning_rate", 0.003, "beta1", 0.95)).build();
        Path file = dir.resolve("model.bpnn");

        ModelFiles.save(network, config, file);
        SavedTraining saved = ModelFiles.open(file, PluginRegistry.discovered()).training().orElseThrow();

        assertEquals(SavedTraining.of(config), saved);
        TrainingConfig restored = saved.applyTo(TrainingConfig.builder()).build();
        assertEquals(config.optimizerHyperparameters(), restored.optimizerHyperparameters());
        assertEquals(config.lossHyperparameters(), restored.lossHyperparameters());
        assertEquals(0.95, PluginRegistry.discovered().optimizer(saved.optimizer(), saved.optimizerHyperparameters())
                .hyperparameters().get("beta1", 0));
    }

    @Test
    void open_ofModelSavedWithoutConfig_isEmpty() {
        Path file = dir.resolve("plain.bpnn");
        ModelFiles.save(network, file);
        assertEquals(Optional.empty(), ModelFiles.open(file, PluginRegistry.discovered()).training());
    }

    @Test
    void loadCheckpoint_withAnOptimizerThatIsNotInstalled_saysWhichAndWhatIsAvailable() {
        TrainingConfig config = TrainingConfig.builder().optimizer("adam").build();
        Path file = dir.resolve("model.bpnn");
        List<OptimizerState> states = network.parameters().stream()
                .map(p -> new OptimizerState(0, p.size())).toList();
        ModelFiles.saveCheckpoint(network, config, new TrainingCheckpoint(0, states, List.of()), file);
        PluginRegistry withoutAdam = PluginRegistry.of(List.of(), List.of(PluginRegistry.discovered().loss("mse")),
                List.of(PluginRegistry.discovered().optimizer("sgd")));

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.loadCheckpoint(file, withoutAdam));

        assertTrue(e.getMessage().contains("needs the optimizer 'adam', which is not installed: it is a built-in this"
                + " Backprop lacks, so upgrade Backprop (in code: load with a PluginRegistry that has it, such as"
                + " PluginRegistry.discovered())."), e.getMessage());
        assertTrue(e.getCause().getMessage().contains("No optimizer with id 'adam'. Available: sgd."),
                e.getCause().getMessage());
    }
}
