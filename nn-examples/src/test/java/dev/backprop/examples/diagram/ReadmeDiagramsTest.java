package dev.backprop.examples.diagram;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Writes the Mermaid text of the default mnist network (784-512-256-10, relu, softmax) and of the xor
 * example's network (2-4-1 sigmoid, {@code ./backprop xor}'s default --hidden 4) to target/diagrams, for
 * the README; checks each parses as a flowchart of the expected shape.
 */
class ReadmeDiagramsTest {

    @Test
    void writesTheReadmeDiagrams() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "diagrams"));
        String mnist = MermaidDiagram.render(NetworkLayout.of(Networks.mnist(), Optional.empty()));
        String xor = MermaidDiagram.render(NetworkLayout.of(Networks.spec(2, "sigmoid", "sigmoid", 4, 1),
                Optional.empty()));
        Files.writeString(folder.resolve("mnist-784-512-256-10.mmd"), mnist);
        Files.writeString(folder.resolve("xor-2-4-1.mmd"), xor);
        assertTrue(mnist.startsWith("graph LR\n") && mnist.contains("dense_3 · softmax · 10"), mnist);
        assertTrue(xor.startsWith("graph LR\n") && xor.contains("n1_3((\"1:3\"))") && xor.contains("n2_0 --> y0"), xor);
    }
}
