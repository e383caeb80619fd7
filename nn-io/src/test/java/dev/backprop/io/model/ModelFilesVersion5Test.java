package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.EpochProgress;
import dev.backprop.core.train.TrainingConfig;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A checkpoint written by format version 5 (before checkpoints recorded an unfinished epoch), committed
 * as {@code src/test/resources/model/v5-checkpoint.bpnn}, reads as 0 batches into the epoch after its
 * completed ones and resumes to the weights of an uninterrupted run. The fixture was written by the
 * version-5 {@code ModelFiles.saveCheckpoint} from a run of {@link #network()}, {@link #config()} and
 * {@link #data()} stopped after epoch 2.
 */
class ModelFilesVersion5Test {

    private static final Path FILE = Path.of("src", "test", "resources", "model", "v5-checkpoint.bpnn");

    @Test
    void theFixture_isAVersion5File() throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(FILE))) {
            in.readInt();
            assertEquals(5, in.readInt());
        }
    }

    @Test
    void loadCheckpoint_ofAVersion5File_readsAsZeroBatchesIntoTheNextEpoch_andResumesExactly() {
        PluginRegistry registry = PluginRegistry.discovered();
        ResumableRun run = ModelFiles.loadCheckpoint(FILE, registry);
        assertEquals(config().settings(), run.config().settings());
        assertEquals(0.05, run.config().optimizerHyperparameters().get("learning_rate", 0));
        assertEquals(2, run.checkpoint().completedEpochs());
        assertFalse(run.checkpoint().midEpoch());
        assertEquals(EpochProgress.none(), run.checkpoint().currentEpoch());

        Network uninterrupted = network();
        TestTrainers.of(config(), registry, List.of()).fit(uninterrupted, data());
        TestTrainers.of(run.config(), registry, List.of()).resume(run.network(), data(), null, run.checkpoint());
        for (int i = 0; i < uninterrupted.parameters().size(); i++) {
            assertArrayEquals(uninterrupted.parameters().get(i).values(), run.network().parameters().get(i).values(),
                    uninterrupted.parameters().get(i).name());
        }
    }

    private static Network network() {
        return Network.builder().input(4).dense(6, "relu").dropout(0.2).dense(3, "softmax").seed(3).build();
    }

    private static TrainingConfig config() {
        return TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("adam").learningRate(0.05)
                .epochs(4).batchSize(8).seed(9).threads(1).build();
    }

    /** 40 examples: features {@code sin(1.3·i + 0.7·j)}, class {@code 7i mod 3}. */
    private static Dataset data() {
        int n = 40;
        float[][] x = new float[n][4];
        float[][] y = new float[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float) Math.sin(i * 1.3 + j * 0.7);
            }
            y[i][(i * 7) % 3] = 1;
        }
        return Dataset.of(x, y);
    }
}
