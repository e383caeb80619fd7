package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SineExampleTest {

    private static final Pattern RESULT = Pattern.compile(
            "result: example=sine epochs=(\\d+) train_loss=([0-9.]+) rmse=([0-9.]+) seconds=([0-9]+\\.[0-9]{2})");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void sine_fewEpochs_printsEpochLinesATableAndEndsWithTheRegressionResultLine() {
        int status = run("sine", "--epochs", "3", "--samples", "200", "--hidden", "8");

        assertEquals(0, status, err.toString());
        String text = out.toString();
        String[] lines = text.strip().split("\\R");
        Matcher result = RESULT.matcher(lines[lines.length - 1]);
        assertTrue(result.matches(), "last line is the summary: " + lines[lines.length - 1]);
        assertEquals("3", result.group(1));
        assertTrue(text.startsWith("200 training and 1000 held-out points of y = sin(x)"), text);
        for (int epoch = 1; epoch <= 3; epoch++) {
            assertTrue(text.contains("epoch " + epoch + "/3  loss="), text);
        }
        assertFalse(text.contains("acc="), "no accuracy for regression: " + text);
        assertTrue(text.contains("      x |  sin(x) | prediction"), text);
        assertTrue(text.contains(" 1.5708 |  1.0000 | "), "the table shows x = pi/2: " + text);
    }

    @Test
    void sine_defaults_fitTheCurveWithHeldOutRmseWellUnder5Hundredths() {
        long start = System.nanoTime();
        int status = run("sine");
        double seconds = (System.nanoTime() - start) / 1e9;

        assertEquals(0, status, err.toString());
        String[] lines = out.toString().strip().split("\\R");
        Matcher result = RESULT.matcher(lines[lines.length - 1]);
        assertTrue(result.matches(), lines[lines.length - 1]);
        assertEquals("60", result.group(1));
        // Seed 42 reaches about 0.010 in about a second; predicting 0 everywhere would give 0.71.
        double rmse = Double.parseDouble(result.group(3));
        assertTrue(rmse < 0.05, "held-out RMSE " + rmse);
        assertTrue(seconds < 30, "the defaults should run in a few seconds, took " + seconds);
    }

    @Test
    void sine_noSamples_exitsWithCode2AndSaysWhatToGive() {
        int status = run("sine", "--samples", "0");

        assertEquals(2, status);
        assertTrue(err.toString().startsWith("error: The sine example needs at least 1 point")
                && err.toString().contains("--samples 1 or more"), err.toString());
    }

    @Test
    void help_listsTheSineExample() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("sine "), out.toString());
        assertTrue(out.toString().contains("Regression: fits y = sin(x)"), out.toString());
    }

    private int run(String... args) {
        CommandLine cli = BackpropCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }
}
