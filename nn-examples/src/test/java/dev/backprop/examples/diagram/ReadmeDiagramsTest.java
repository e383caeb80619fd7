package dev.backprop.examples.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.examples.mnist.CliRun;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's two diagrams are what {@code ./backprop diagram} draws for the model {@code ./backprop xor}
 * trains (compared with weights rounded to two decimals, since another CPU's vector width may change the
 * last digits of the trained weights); the default mnist network's diagram stays readable.
 */
class ReadmeDiagramsTest {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+\\.\\d{4}");

    @Test
    void readmeShowsTheDiagramsOfTheTrainedXorModel(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("xor.bpnn");
        assertEquals(0, CliRun.of("xor", "--model", model.toString()).status());
        String neuron = CliRun.of("diagram", "--model", model.toString(), "--neuron", "2:0").out().strip();
        String network = CliRun.of("diagram", "--model", model.toString()).out().strip();
        String readme = rounded(Files.readString(Path.of("..", "README.md")));

        assertTrue(readme.contains("```mermaid\n" + rounded(neuron) + "\n```"), "README has the neuron diagram:\n"
                + neuron);
        assertTrue(readme.contains("```mermaid\n" + rounded(network) + "\n```"), "README has the network diagram:\n"
                + network);
    }

    @Test
    void defaultMnistNetwork_collapsesToAReadableDiagram() {
        String mnist = MermaidDiagram.render(NetworkLayout.of(Networks.mnist(), Optional.empty()));
        assertTrue(mnist.startsWith("graph LR\n") && mnist.contains("dense_3 · softmax · 10"), mnist);
        assertTrue(mnist.contains("xmore[\"… 780 more\"]") && mnist.contains("n1_more[\"… 508 more\"]"), mnist);
    }

    /** {@code text} with every four-decimal number rounded to two decimals. */
    private static String rounded(String text) {
        Matcher number = NUMBER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (number.find()) {
            number.appendReplacement(result, new BigDecimal(number.group()).setScale(2, RoundingMode.HALF_UP)
                    .toPlainString());
        }
        return number.appendTail(result).toString();
    }
}
