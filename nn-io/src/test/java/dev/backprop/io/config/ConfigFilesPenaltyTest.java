package dev.backprop.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.network.WeightPenalty;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFilesPenaltyTest {

    @TempDir
    Path dir;

    @Test
    void layerPenalties_areReadIntoTheSpec() throws IOException {
        Path file = write("network:\n  input: 4\n  layers:\n    - {width: 8, activation: relu, l2: 0.001, dropout: 0.25}\n"
                + "    - {width: 3, activation: softmax, l1: 0.0001, l2: 0.01}\n");
        RunConfig config = ConfigFiles.load(file);
        assertEquals(new WeightPenalty(0, 0.001), config.network().layers().get(0).penalty());
        assertEquals(0.25, config.network().layers().get(0).dropout());
        assertEquals(new WeightPenalty(0.0001, 0.01), config.network().layers().get(1).penalty());
    }

    @Test
    void negativePenalty_isReportedAtItsPath() throws IOException {
        Path file = write("network:\n  input: 4\n  layers:\n    - {width: 8, activation: relu, l2: -1}\n");
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFiles.load(file));
        assertTrue(e.getMessage().contains("network.layers[0].l2"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 0"), e.getMessage());
    }

    @Test
    void dropoutOnTheOutputLayer_isReportedAtItsPath() throws IOException {
        Path file = write("network:\n  input: 4\n  layers:\n    - {width: 3, activation: softmax, dropout: 0.5}\n");
        ConfigFileException e = assertThrows(ConfigFileException.class, () -> ConfigFiles.load(file));
        assertTrue(e.getMessage().contains("network.layers[0].dropout"), e.getMessage());
        assertTrue(e.getMessage().contains("is set on the output layer"), e.getMessage());
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("run.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
