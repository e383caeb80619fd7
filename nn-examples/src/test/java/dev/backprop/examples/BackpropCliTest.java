package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BackpropCliTest {

    private static final Pattern RESULT = Pattern.compile(
            "^result: example=xor epochs=(\\d+) train_loss=([0-9.]+) accuracy=([0-9.]+) seconds=([0-9]+\\.[0-9]{2})$",
            Pattern.MULTILINE);

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void xor_withDefaults_learnsXorAndEndsWithTheSummaryLine(@TempDir Path folder) {
        Path model = folder.resolve("xor.bpnn");
        int status = run("xor", "--model", model.toString());
        assertEquals(0, status, err.toString());
        String text = out.toString();
        String[] lines = text.strip().split("\\R");
        Matcher result = RESULT.matcher(lines[lines.length - 1]);
        assertTrue(result.matches(), "last line is the summary: " + lines[lines.length - 1]);
        assertTrue(Double.parseDouble(result.group(2)) < 0.01, "loss " + result.group(2));
        assertEquals("1.000", result.group(3));
        assertTrue(text.contains("epoch    1/3000  loss="), text);
        assertTrue(Files.isRegularFile(model));
    }

    @Test
    void xorVerbose_printsTheSeedsFourStagesOfOneStep_andTrainsExactlyAsWithout() {
        assertEquals(0, run("xor", "--epochs", "20"), err.toString());
        String plain = out.toString();
        out.getBuffer().setLength(0);

        assertEquals(0, run("xor", "--epochs", "20", "--verbose"), err.toString());
        String verbose = out.toString();

        for (String stage : new String[] {"1. forward: z = Σ w·x + b, a = f(z)", "   dense_1 z = [[0.0000, ",
            "   dense_1 a = sigmoid(z) = [[0.5000, 0.5000, 0.5000, 0.5000], ", "   dense_2 z = [[",
            "2. error: E = ", "3. backward: δ = ∂E/∂z", "   dense_2 δ = [[", "   dense_1 δ = [[",
            "   ∂E/∂dense_1.weight = [[", "   ∂E/∂dense_2.bias = [[", "4. update: w ← the sgd rule on ∂E/∂w (learning"
                + " rate 2.0)", "   dense_2.bias = [["}) {
            assertTrue(verbose.contains(stage), "'" + stage + "' in:\n" + verbose);
        }
        Matcher error = Pattern.compile("2\\. error: E = ([0-9.]+) ").matcher(verbose);
        assertTrue(error.find(), verbose);
        assertTrue(Pattern.compile("epoch +1/20 +loss=" + Pattern.quote(error.group(1)) + " ").matcher(verbose).find(),
                "E is the first epoch's loss: " + verbose);
        String[] plainLines = plain.strip().split("\\R");
        String[] verboseLines = verbose.strip().split("\\R");
        assertEquals(plainLines[plainLines.length - 1].replaceAll("seconds=.*", ""),
                verboseLines[verboseLines.length - 1].replaceAll("seconds=.*", ""), "the training is unchanged");
    }

    @Test
    void help_listsTheExamples() {
        int status = run("--help");
        assertEquals(0, status);
        assertTrue(out.toString().contains("xor "), out.toString());
        assertTrue(out.toString().contains("Learns XOR with the seed's setup"), out.toString());
    }

    @Test
    void unknownOption_exitsWithCode2AndSaysWhy() {
        int status = run("xor", "--epochz", "5");
        assertEquals(2, status);
        assertEquals("error: Unknown option: '--epochz'. Did you mean --epochs?\nsee ./backprop xor --help\n",
                err.toString().replace("\r\n", "\n"), "one line and where the usage is, not the whole usage");
    }

    @Test
    void badSetting_givesOneLineErrorAndCode2WithoutStackTrace() {
        int status = run("xor", "--hidden", "0");
        assertEquals(2, status);
        assertTrue(err.toString().startsWith("error: A dense layer needs at least 1 neuron but was given width 0"),
                err.toString());
        assertTrue(!err.toString().contains("\tat "), "no stack trace without --debug: " + err);
    }

    private int run(String... args) {
        CommandLine commandLine = BackpropCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
