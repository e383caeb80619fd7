package dev.backprop.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IrisExampleTest {

    private static final Pattern RESULT = Pattern.compile(
            "result: example=iris epochs=(\\d+) train_loss=([0-9.]+) accuracy=([0-9.]+) seconds=([0-9]+\\.[0-9]{2})$");

    @Test
    void iris_shippedCsv_classifiesTheHeldOutFlowers() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = BackpropCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        int status = cli.execute("iris", "--data", "../data/iris/iris.csv");

        assertEquals(0, status, err.toString());
        String[] lines = out.toString().strip().split("\\R");
        Matcher result = RESULT.matcher(lines[lines.length - 1]);
        assertTrue(result.matches(), lines[lines.length - 1]);
        assertTrue(out.toString().startsWith("120 training and 30 validation rows, 4 features, classes [setosa,"
                + " versicolor, virginica]"), out.toString());
        // 30 held-out flowers: seed 42's split gives 27 right (0.900); a broken pipeline is near chance (0.33).
        assertTrue(Double.parseDouble(result.group(3)) >= 0.85, "validation accuracy " + result.group(3));
    }

    @Test
    void iris_missingFile_exitsWithCode2AndNamesIt() {
        StringWriter err = new StringWriter();
        CommandLine cli = BackpropCli.commandLine();
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(err, true));

        int status = cli.execute("iris", "--data", "no/such/iris.csv");

        assertEquals(2, status);
        assertTrue(err.toString().startsWith("error: ") && err.toString().contains("no/such/iris.csv"), err.toString());
    }
}
