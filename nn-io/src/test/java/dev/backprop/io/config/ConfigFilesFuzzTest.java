package dev.backprop.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.testing.FuzzChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@link ConfigFiles#load}, JSON and YAML: the first input byte picks the syntax ({@code J}, else
 * YAML), the rest is the file. Any content loads or fails with a {@link ConfigFileException}, the one
 * exception it documents, within {@link FuzzChecks}' allocation bound.
 */
class ConfigFilesFuzzTest {

    private static final PluginRegistry REGISTRY = PluginRegistry.discovered();

    @TempDir
    static Path dir;

    @BeforeAll
    static void warmUp() throws IOException {
        ConfigFiles.load(Files.writeString(dir.resolve("warm-up.json"),
                "{\"network\": {\"input\": 2, \"layers\": [{\"width\": 2, \"activation\": \"softmax\"}]}}"), REGISTRY);
        ConfigFiles.load(Files.writeString(dir.resolve("warm-up.yaml"),
                "network: {input: 2, layers: [{width: 2, activation: softmax}]}\n"), REGISTRY);
    }

    @FuzzTest(maxDuration = "4s")
    void load(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        Path file = Files.write(dir.resolve(input[0] == 'J' ? "fuzzed.json" : "fuzzed.yaml"),
                Arrays.copyOfRange(input, 1, input.length));

        FuzzChecks.check(input.length, List.of(ConfigFileException.class), () -> ConfigFiles.load(file, REGISTRY));
    }

    @Test
    void keptSeeds_areValidConfigurations() throws IOException {
        Path seeds = Path.of("src/test/resources/dev/backprop/io/config/ConfigFilesFuzzTestInputs/load");
        byte[] json = Files.readAllBytes(seeds.resolve("seed-json"));
        byte[] yaml = Files.readAllBytes(seeds.resolve("seed-yaml"));

        RunConfig fromJson = ConfigFiles.load(Files.write(dir.resolve("seed.json"),
                Arrays.copyOfRange(json, 1, json.length)), REGISTRY);
        RunConfig fromYaml = ConfigFiles.load(Files.write(dir.resolve("seed.yaml"),
                Arrays.copyOfRange(yaml, 1, yaml.length)), REGISTRY);

        assertEquals(2, fromJson.network().layers().size());
        assertEquals(2, fromYaml.network().layers().size());
    }
}
