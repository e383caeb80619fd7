package dev.backprop.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backprop.api.Hyperparameters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings of every kind, including text that reads like a switch or a null, survive a write and a read. */
class HyperparametersRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void settingsOfEveryKind_roundTripInBothSyntaxes() throws IOException {
        Hyperparameters settings = Hyperparameters.of("rate", 0.001).with("whole", 3.0).with("amsgrad", true)
                .with("off", false).with("reduction", "sum_over_outputs").with("looks_like_a_switch", "true")
                .with("looks_like_null", "null").with("yes_word", "yes").with("spaced", "two words");
        for (String name : List.of("s.yaml", "s.json")) {
            Path file = dir.resolve(name);
            ConfigFormat format = ConfigFormat.of(file);
            ObjectNode tree = JsonNodeFactory.instance.objectNode();
            tree.set("hyperparameters", PluginReference.writeSettings(settings));
            try (OutputStream out = Files.newOutputStream(file)) {
                format.write(tree, out);
            }

            ConfigNode root = new ConfigNode(file, "", format.parse(file), format.isYaml());

            assertEquals(settings, root.required("hyperparameters", "").hyperparameters("{}"), Files.readString(file));
        }
    }
}
