package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file written before nadam's default rule changed (version 4 or older) resumes with the rule it was trained with. */
class ModelFilesEarlierRulesTest {

    @TempDir
    Path dir;

    private final Network network = Network.builder().input(3).dense(4, "relu").dense(2, "softmax").build();

    @Test
    void version4NadamWithoutASchedule_keepsTheConstantRule_version5TakesTheDefault() throws IOException {
        Path file = dir.resolve("nadam.bpnn");
        ModelFiles.save(network, TrainingConfig.builder().optimizer("nadam").build(), file);

        assertFalse(optimizerSettings(file).contains("momentum_schedule"), "a current file: the default rule");

        writeVersion(file, 4);
        Hyperparameters kept = optimizerSettings(file);
        assertEquals("constant", kept.text("momentum_schedule", "(none)"));
        assertEquals("constant", PluginRegistry.discovered().optimizer(
                ModelFiles.open(file, PluginRegistry.discovered()).training().orElseThrow().optimizer(), kept)
                .hyperparameters().text("momentum_schedule", "(none)"), "the optimizer is rebuilt with the former rule");
    }

    @Test
    void version4NadamWithAnExplicitSchedule_andOtherOptimizers_areLeftAlone() throws IOException {
        Path nadam = dir.resolve("explicit.bpnn");
        ModelFiles.save(network, TrainingConfig.builder()
                .optimizer("nadam", Hyperparameters.of("momentum_schedule", "dozat")).build(), nadam);
        writeVersion(nadam, 4);
        assertEquals("dozat", optimizerSettings(nadam).text("momentum_schedule", "(none)"));

        Path adam = dir.resolve("adam.bpnn");
        ModelFiles.save(network, TrainingConfig.builder().optimizer("adam").build(), adam);
        writeVersion(adam, 4);
        assertFalse(optimizerSettings(adam).contains("momentum_schedule"));
    }

    private static Hyperparameters optimizerSettings(Path file) {
        return ModelFiles.open(file, PluginRegistry.discovered()).training().orElseThrow().optimizerHyperparameters();
    }

    /** Rewrites the format version (after the 4 magic bytes) and the checksum, as an older writer would have. */
    private static void writeVersion(Path file, int version) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putInt(4, version);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        ByteBuffer.wrap(bytes).putLong(bytes.length - Long.BYTES, crc.getValue());
        Files.write(file, bytes);
    }
}
