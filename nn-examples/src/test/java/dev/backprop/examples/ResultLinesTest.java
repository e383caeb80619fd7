package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.examples.bench.IdxFolderWriter;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.mnist.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's {@code result:} line uses the same keys with the same meaning ({@link ResultLine}):
 * {@code train_loss} is the last epoch's training loss as the epoch lines print it, {@code test_loss} the
 * test loss as the test report prints it, and no key is a bare {@code loss}.
 */
class ResultLinesTest {

    private static final Pattern EPOCH_LOSS = Pattern.compile("^epoch +(\\d+)/\\d+ +loss=([0-9.]+)", Pattern.MULTILINE);
    private static final Pattern TEST_LOSS = Pattern.compile("^test: \\d+ images, loss ([0-9.]+)$", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void everyCommand_namesWhichLossItReports_andMeansTheSameByIt() throws Exception {
        Path data = IdxFolderWriter.write(Files.createDirectories(dir.resolve("data")), 60, 20);
        Path model = dir.resolve("m.bpnn");
        List<String[]> commands = List.of(
                new String[] {"xor", "--epochs", "20", "--print-every", "1"},
                new String[] {"iris", "--data", "../data/iris/iris.csv", "--epochs", "5", "--print-every", "1"},
                new String[] {"sine", "--epochs", "3", "--samples", "100"},
                new String[] {"mnist", "--data", data.toString(), "--model", model.toString(), "--hidden", "8",
                    "--epochs", "2", "--threads", "1"},
                new String[] {"mnist", "evaluate", "--data", data.toString(), "--model", model.toString()},
                new String[] {"mnist", "predict", "--data", data.toString(), "--model", model.toString(), "--count",
                    "3", "--no-pictures"});
        List<String> seen = new ArrayList<>();
        for (String[] command : commands) {
            CliRun run = CliRun.of(command);
            assertEquals(0, run.status(), run.toString());
            Map<String, String> result = parse(run.lastLine());
            String name = String.join(" ", command);
            List<String> order = Arrays.asList(ResultLine.KEYS.split(" "));
            assertTrue(order.containsAll(result.keySet()), name + ": only the documented keys: " + result);
            assertEquals(result.keySet().stream().sorted((a, b) -> order.indexOf(a) - order.indexOf(b)).toList(),
                    List.copyOf(result.keySet()), name + ": in the documented order");
            assertFalse(result.containsKey("loss"), name);
            assertTrue(result.containsKey("train_loss") || result.containsKey("test_loss"), name + ": " + result);

            if (result.containsKey("train_loss")) {
                List<String[]> epochs = EPOCH_LOSS.matcher(run.out()).results()
                        .map(m -> new String[] {m.group(1), m.group(2)}).toList();
                String[] last = epochs.get(epochs.size() - 1);
                assertEquals(result.get("epochs"), last[0], name + ": the epochs trained");
                assertEquals(Double.parseDouble(last[1]), Double.parseDouble(result.get("train_loss")), 0.00005,
                        name + ": train_loss is the last epoch's training loss");
            }
            if (result.containsKey("test_loss")) {
                Matcher test = TEST_LOSS.matcher(run.out());
                if (test.find()) {
                    assertEquals(Double.parseDouble(test.group(1)), Double.parseDouble(result.get("test_loss")),
                            0.00005, name + ": test_loss is the test report's loss");
                }
            }
            seen.add(result.keySet().toString());
        }
        assertTrue(seen.stream().anyMatch(k -> k.contains("train_loss")) && seen.stream()
                .anyMatch(k -> k.contains("test_loss")), seen.toString());
    }

    private static Map<String, String> parse(String line) {
        assertTrue(line.startsWith("result: "), line);
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : line.substring("result: ".length()).split(" ")) {
            String[] kv = pair.split("=", 2);
            assertEquals(2, kv.length, line);
            values.put(kv[0], kv[1]);
        }
        return values;
    }
}
