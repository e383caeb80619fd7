package dev.backprop.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.testing.Allocations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration that could not allocate its weights is refused while loading, without building anything. */
class ConfigFilesSizeLimitsTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discovered();

    @TempDir
    Path dir;

    /** One layer of width 10^9 once took 3.8 GB to load. */
    @Test
    void layerWhoseWeightsExceedAJavaArray_isRefusedWithoutAllocatingThem() throws IOException {
        Path file = Files.writeString(dir.resolve("wide.yaml"), "network:\n  input: 784\n  layers:\n"
                + "    - {width: 16, activation: relu}\n"
                + "    - {width: 1000000000, activation: relu}\n"
                + "    - {width: 10, activation: softmax}\n");

        Allocations.Measured load = Allocations.measure(() -> ConfigFiles.load(file, REGISTRY));

        ConfigFileException e = assertInstanceOf(ConfigFileException.class, load.thrown());
        assertEquals("network.layers[1].width", e.location());
        assertContains(e, "network.layers[1].width", "at most 2147483639 values",
                "found 1000000000 (fan-in 16 × 1000000000 = 16000000000 values)", "narrower layer");
        assertTrue(load.bytes() < 64 << 20, () -> "allocated " + load.bytes() + " bytes");
    }

    @Test
    void widestLayerThatFits_loadsWithoutBuildingTheNetwork() throws IOException {
        Path file = Files.writeString(dir.resolve("fits.json"), "{\"network\": {\"input\": 1, \"layers\": ["
                + "{\"width\": 2000000000, \"activation\": \"relu\"}, {\"width\": 1, \"activation\": \"relu\"}]}}");

        Allocations.Measured load = Allocations.measure(() -> ConfigFiles.load(file, REGISTRY));

        assertEquals(null, load.thrown());
        assertTrue(load.bytes() < 64 << 20, () -> "allocated " + load.bytes() + " bytes: the weights were built");
    }

    @Test
    void threadsBeyondTheSanityBound_areRefusedWithTheRange() throws IOException {
        Path file = Files.writeString(dir.resolve("threads.yaml"), "network: {input: 2, layers: [{width: 2,"
                + " activation: softmax}]}\ntraining: {threads: 70000}\n");

        ConfigFileException e = assertInstanceOf(ConfigFileException.class,
                Allocations.measure(() -> ConfigFiles.load(file, REGISTRY)).thrown());

        assertEquals("training.threads", e.location());
        assertContains(e, "expected an integer from 1 to 65536, found 70000");
    }

    private static void assertContains(ConfigFileException e, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "expected '" + fragment + "' in: " + e.getMessage());
        }
    }
}
