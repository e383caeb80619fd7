package dev.backprop.examples.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.network.Network;
import dev.backprop.examples.mnist.CliRun;
import dev.backprop.io.model.ModelFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./backprop summary} and {@code ./backprop diagram} end to end, in-process. */
class DiagramCliTest {

    @TempDir
    Path dir;

    @Test
    void summary_ofAConfig_countsFromTheSpec() throws IOException {
        CliRun run = CliRun.of("summary", "--config", config().toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("configuration"), run.out());
        assertTrue(run.out().matches("(?s).*dense_1\\s+relu\\s+512\\s+401,408\\s+512\\s+401,920.*"), run.out());
        assertTrue(run.out().matches("(?s).*dense_2\\s+softmax\\s+10\\s+5,120\\s+10\\s+5,130.*"), run.out());
        assertTrue(run.out().contains("Total trainable parameters: 407,050"), run.out());
        assertTrue(run.out().contains("Input width: 784"), run.out());
    }

    @Test
    void summary_ofAModel() throws IOException {
        CliRun run = CliRun.of("summary", "--model", model().toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().startsWith("saved model: "), run.out());
        assertTrue(run.out().matches("(?s).*dense_1\\s+sigmoid\\s+2\\s+4\\s+2\\s+6\n.*"), run.out());
        assertTrue(run.out().contains("Total trainable parameters: 9"), run.out());
    }

    @Test
    void neuron_showsTheSavedWeightsAndBias() throws IOException {
        CliRun run = CliRun.of("diagram", "--model", model().toString(), "--neuron", "1:1");
        assertEquals(0, run.status(), run.toString());
        assertEquals("""
                graph LR
                  x0(("x0"))
                  x1(("x1"))
                  b[/"b = 0.7500"/]
                  z["z = Σ w_i·x_i + b"]
                  f{{"sigmoid"}}
                  y(("output 1:1"))
                  x0 -->|"w = -1.0000"| z
                  x1 -->|"w = 2.0000"| z
                  b --> z
                  z --> f
                  f --> y
                  linkStyle 1 stroke:#2166ac,stroke-width:4px
                  linkStyle 0 stroke:#b2182b,stroke-width:2.5px
                """, run.out());
        CliRun second = CliRun.of("diagram", "--model", model().toString(), "--neuron", "2:0");
        assertTrue(second.out().contains("x0((\"1:0\"))") && second.out().contains("w = -3.0000")
                && second.out().contains("b = 0.1250"), second.out());
    }

    @Test
    void neuron_withManyInputs_showsTheEightLargest() throws IOException {
        Network wide = Network.builder().input(12).dense(1, "tanh").seed(3).build();
        float[] weights = new float[12];
        for (int i = 0; i < 12; i++) {
            weights[i] = (i % 2 == 0 ? 1 : -1) * (i < 4 ? 0.01f * (i + 1) : i);
        }
        wide.parameter("dense_1.weight").write(weights);
        Path file = dir.resolve("wide.bpnn");
        ModelFiles.save(wide, file);
        CliRun run = CliRun.of("diagram", "--model", file.toString(), "--neuron", "1:0");
        assertEquals(0, run.status(), run.toString());
        for (int i = 4; i < 12; i++) {
            assertTrue(run.out().contains("x" + i + " -->|\"w = " + NeuronLayout.number(weights[i])), run.out());
        }
        assertFalse(run.out().contains("x3 -->"), run.out());
        assertTrue(run.out().contains("xmore -.->|\"4 weights, |w| ≤ 0.0400\"| z"), run.out());
    }

    @Test
    void svgAndPng_toFiles() throws Exception {
        Path svg = dir.resolve("net.svg");
        CliRun run = CliRun.of("diagram", "--model", model().toString(), "--format", "SVG", "--out", svg.toString());
        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().startsWith("wrote the svg diagram of network 2-2-1 to "), run.out());
        assertEquals("svg", PicturesTest.parse(Files.readAllBytes(svg)).getDocumentElement().getTagName());
        Path png = dir.resolve("neuron.png");
        run = CliRun.of("diagram", "--model", model().toString(), "--format", "png", "--neuron", "2:0",
                "--out", png.toString());
        assertEquals(0, run.status(), run.toString());
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 100, image.toString());
    }

    @Test
    void defaultFileNames() {
        assertEquals(Path.of("model.svg"), DiagramCommand.defaultFile(Path.of("runs/mnist/model.bpnn"), null,
                DiagramFormat.SVG));
        assertEquals(Path.of("c2-neuron-2-5.png"), DiagramCommand.defaultFile(Path.of("c2.yaml"),
                new NeuronChoice(2, 5), DiagramFormat.PNG));
    }

    @Test
    void badInput_oneErrorLine_exit2() throws IOException {
        String model = model().toString();
        String config = config().toString();
        Path damaged = dir.resolve("damaged.bpnn");
        Files.write(damaged, "BPNN not really a model".getBytes(StandardCharsets.US_ASCII));
        Path badConfig = dir.resolve("bad.yaml");
        Files.writeString(badConfig, "network: {input: 4, layers: [{width: 0, activation: relu}]}\n");
        assertBadInput(CliRun.of("summary", "--model", dir.resolve("missing.bpnn").toString()), "missing.bpnn");
        assertBadInput(CliRun.of("diagram", "--model", damaged.toString()), "damaged.bpnn");
        assertBadInput(CliRun.of("summary", "--config", dir.resolve("missing.yaml").toString()), "missing.yaml");
        assertBadInput(CliRun.of("diagram", "--config", badConfig.toString()), "width");
        assertBadInput(CliRun.of("summary"), "neither", "--model FILE", "--config FILE");
        assertBadInput(CliRun.of("diagram", "--model", model, "--config", config), "both");
        assertBadInput(CliRun.of("diagram", "--model", model, "--format", "gif"), "'gif'", "mermaid, svg or png");
        assertBadInput(CliRun.of("diagram", "--model", model, "--neuron", "3:0"), "layer 3", "from 1 to 2");
        assertBadInput(CliRun.of("diagram", "--model", model, "--neuron", "1:2"), "neuron 2", "from 0 to 1");
        assertBadInput(CliRun.of("diagram", "--model", model, "--neuron", "two"), "LAYER:INDEX", "'two'");
        assertBadInput(CliRun.of("diagram", "--config", config, "--neuron", "1:0"), "--model FILE");
    }

    private Path model() throws IOException {
        Path file = dir.resolve("tiny.bpnn");
        if (!Files.exists(file)) {
            ModelFiles.save(Networks.twoTwoOne(), file);
        }
        return file;
    }

    private Path config() throws IOException {
        Path file = dir.resolve("mnist.yaml");
        Files.writeString(file, """
                network:
                  input: 784
                  layers:
                    - {width: 512, activation: relu}
                    - {width: 10, activation: softmax}
                """);
        return file;
    }

    private static void assertBadInput(CliRun run, String... fragments) {
        assertEquals(2, run.status(), run.toString());
        assertTrue(run.err().startsWith("error: "), run.toString());
        assertEquals(1, run.err().lines().filter(line -> line.startsWith("error: ")).count(), run.toString());
        for (String fragment : fragments) {
            assertTrue(run.err().contains(fragment), "'" + fragment + "' in " + run.err());
        }
        assertFalse(run.err().contains("\tat "), run.err());
        assertTrue(run.out().isEmpty(), run.out());
    }
}
