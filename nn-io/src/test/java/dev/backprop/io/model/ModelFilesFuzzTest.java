package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.testing.FuzzChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@link ModelFiles#open}: any bytes load or fail with a {@link ModelFormatException}, the one
 * exception it documents, within {@link FuzzChecks}' allocation bound. Kept inputs (valid files and
 * findings) are in {@code ModelFilesFuzzTestInputs/load}.
 */
class ModelFilesFuzzTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discovered();

    @TempDir
    static Path dir;

    @BeforeAll
    static void warmUp() {
        Path file = dir.resolve("warm-up.bpnn");
        ModelFiles.save(Network.builder().input(2).dense(2, "softmax").build(), file);
        ModelFiles.open(file, REGISTRY);
    }

    @FuzzTest(maxDuration = "4s")
    void load(byte[] input) throws IOException {
        Path file = Files.write(dir.resolve("fuzzed.bpnn"), input);

        FuzzChecks.check(input.length, List.of(ModelFormatException.class), () -> ModelFiles.open(file, REGISTRY));
    }

    @Test
    void keptSeed_isAValidCheckpoint() throws IOException {
        Path seed = Path.of("src/test/resources/dev/backprop/io/model/ModelFilesFuzzTestInputs/load/seed-checkpoint");

        LoadedModel model = ModelFiles.open(seed, REGISTRY);

        assertEquals(1, model.checkpoint().orElseThrow().completedEpochs());
    }
}
