package dev.backprop.examples.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./backprop spark-mnist} on the shipped Fashion-MNIST subset, in-process with local[2]. */
class SparkMnistTest {

    private static final Path SHIPPED = Path.of("..", "data", "fashion-mnist-small");
    private static final Pattern RESULT = Pattern.compile(
            "result: example=spark-mnist epochs=2 train_loss=(\\d+\\.\\d{6}) accuracy=(\\d\\.\\d{3}) seconds=\\d+\\.\\d{2}");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = SparkMnist.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void trainsThroughSpark_printsEachEpochAndTheResultLine_andSavesTheModel(@TempDir Path folder) {
        Path model = folder.resolve("spark-model");
        int status = run("--data", SHIPPED.toString(), "--limit", "1200", "--hidden", "32", "--epochs", "2",
                "--batch", "64", "--learning-rate", "0.003", "--partitions", "2", "--model", model.toString());

        assertEquals(0, status, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).contains("1200 training and 2000 test images in 2 partitions on local[2]"),
                lines.get(0));
        assertEquals(2, lines.stream().filter(l -> l.matches("epoch [12]/2 loss=\\d+\\.\\d{6}")).count(),
                out.toString());
        Matcher result = RESULT.matcher(lines.get(lines.size() - 1));
        assertTrue(result.matches(), lines.get(lines.size() - 1));
        assertTrue(Double.parseDouble(result.group(2)) > 0.6, "accuracy " + result.group(2));
        assertTrue(Files.isRegularFile(model.resolve("model.bpnn")), "saved with Backprop's model file: " + model);
        assertTrue(lines.contains("model saved to " + model), out.toString());
    }

    @Test
    void missingDataFolder_isOneErrorLineAndExitTwo() {
        int status = run("--data", "nowhere/at/all", "--epochs", "1");

        assertEquals(SparkMnist.BAD_INPUT, status);
        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("error: Data folder "), err.toString());
    }
}
