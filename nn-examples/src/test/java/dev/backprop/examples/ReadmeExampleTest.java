package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LoggingListener;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.io.model.ModelFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The programmatic example of README.md, line for line (only the file lives in a temporary folder). */
class ReadmeExampleTest {

    @Test
    void readmeExample_trainsPredictsSavesAndLoads(@TempDir Path folder) {
        Dataset xor = Dataset.of(
                new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                new float[][] {{0}, {1}, {1}, {0}});

        Network network = Network.builder()                       // weights drawn with a seed
                .input(2)
                .dense(4, "sigmoid")                              // activation by plugin id
                .dense(1, "sigmoid")
                .seed(42)
                .build();

        TrainingConfig config = TrainingConfig.builder()
                .loss("mse").optimizer("sgd").learningRate(2.0)
                .epochs(3000).batchSize(4).build();
        Trainer trainer = Trainer.fromConfig(config, PluginRegistry.discovered(), List.of(new LoggingListener()));
        TrainingHistory history = trainer.fit(network, xor);     // loss per epoch

        float[] output = network.predict(new float[] {1, 0});     // ≈ [1.0]
        ModelFiles.save(network, folder.resolve("xor.bpnn"));    // atomic: never leaves half a file
        Network restored = ModelFiles.load(folder.resolve("xor.bpnn"));

        assertEquals(3000, history.epochs().size());
        assertTrue(output[0] > 0.9f, "XOR(1, 0) ≈ 1, was " + output[0]);
        assertArrayEquals(output, restored.predict(new float[] {1, 0}));
    }
}
