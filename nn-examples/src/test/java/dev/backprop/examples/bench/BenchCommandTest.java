package dev.backprop.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.examples.BackpropCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BenchCommandTest {

    private static final Pattern LINE = Pattern.compile(
            "custom\t(\\d+)\t\\d+\\.\\d{4}\t\\d+\\.\\d\t\\d+\\.\\d{3}\t[01]\\.\\d{4}\t\\d+\t\\d+\\.\\d{2}\t[1-9]\\d*");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void tinyRun_printsTheHeaderAndOneWellFormedLinePerThreadCount(@TempDir Path folder) {
        IdxFolderWriter.write(folder, 80, 20);

        int status = run("bench", "--data", folder.toString(), "--layers", "16,8,10", "--epochs", "2",
                "--limit", "64", "--batch", "16", "--threads", "1,2");

        assertEquals(0, status, err.toString());
        String[] lines = out.toString().strip().split("\\R");
        assertEquals(3, lines.length, "stdout is pure TSV: " + out);
        assertEquals(BenchResult.HEADER, lines[0]);
        assertTrue(LINE.matcher(lines[1]).matches(), lines[1]);
        assertTrue(LINE.matcher(lines[2]).matches(), lines[2]);
        assertTrue(lines[1].startsWith("custom\t1\t"), lines[1]);
        assertTrue(lines[2].startsWith("custom\t2\t"), lines[2]);
        String progress = err.toString();
        assertTrue(progress.contains("loaded 64 training (--limit 64) and 20 test examples of 16 features"), progress);
        assertTrue(progress.contains("epoch 1/2: ") && progress.contains("(warm-up, untimed)"), progress);
        assertTrue(progress.contains("epoch 2/2: ") && progress.contains("(timed)"), progress);
        assertTrue(progress.contains("threads=2 (TrainingConfig.threads)"), progress);
    }

    @Test
    void samplesPerSecond_referToTheLimitedEpoch(@TempDir Path folder) {
        IdxFolderWriter.write(folder, 80, 20);

        run("bench", "--peer-config", "C1", "--data", folder.toString(), "--layers", "16,8,10", "--epochs", "2",
                "--limit", "40", "--threads", "1");

        String[] columns = out.toString().strip().split("\\R")[1].split("\t");
        assertEquals("C1", columns[0]);
        double seconds = Double.parseDouble(columns[2]);
        double samplesPerSecond = Double.parseDouble(columns[3]);
        // sec_per_epoch is printed to 0.1 ms, so 40 / seconds agrees only to that rounding
        assertEquals(40, samplesPerSecond * seconds, samplesPerSecond * 0.00005 + 0.01);
        assertEquals(6 * (16 * 8 + 8 * 10) * samplesPerSecond / 1e9, Double.parseDouble(columns[4]), 1e-3);
    }

    @Test
    void missingData_isABadInputWithAClearMessage() {
        int status = run("bench", "--peer-config", "C2");

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().startsWith("error: --data DIR is required"), err.toString());
        assertTrue(err.toString().contains("train-images-idx3-ubyte"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void folderWithoutTheFiles_isABadInputListingTheExpectedNames(@TempDir Path folder) {
        int status = run("bench", "--data", folder.toString());

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("error: Data folder " + folder.toAbsolutePath()), err.toString());
        assertTrue(err.toString().contains("t10k-labels-idx1-ubyte[.gz]"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace without --debug: " + err);
        assertEquals("", out.toString());
    }

    @Test
    void missingFolder_isABadInput(@TempDir Path folder) {
        int status = run("bench", "--data", folder.resolve("nope").toString());

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void layersThatDoNotFitTheData_sayWhatTheyMustStartAndEndWith(@TempDir Path folder) {
        IdxFolderWriter.write(folder, 20, 10);

        int status = run("bench", "--data", folder.toString(), "--limit", "8");

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("--layers 784,256,128,10 does not fit the data"), err.toString());
        assertTrue(err.toString().contains("must start with 16 and end with 10"), err.toString());
    }

    @Test
    void badThreadCount_isABadInput(@TempDir Path folder) {
        int status = run("bench", "--data", folder.toString(), "--threads", "1,0");

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("--threads must list counts of at least 1"), err.toString());
    }

    @Test
    void help_explainsTheColumnsAndTheLimit() {
        int status = run("bench", "--help");

        assertEquals(0, status);
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("config threads sec_per_epoch samples_per_s gflops test_acc peak_heap_mb infer_us"
                + " infer_batch_per_s"),
                help);
        assertTrue(help.contains("--peer-config"), help);
        assertFalse(help.contains("--config"), "the old spelling is hidden: " + help);
        assertTrue(help.contains("sec_per_epoch and samples_per_s then refer to epochs of N examples"), help);
    }

    @Test
    void theOldSpellingOfPeerConfig_stillNamesAPeerSetting_andAFileIsRefusedWithTheNewName(@TempDir Path folder) {
        IdxFolderWriter.write(folder, 40, 10);

        assertEquals(0, run("bench", "--config", "C1", "--data", folder.toString(), "--layers", "16,8,10", "--epochs",
                "2", "--threads", "1"), err.toString());
        assertTrue(out.toString().strip().split("\\R")[1].startsWith("C1\t"), out.toString());

        err.getBuffer().setLength(0);
        assertEquals(BackpropCli.BAD_INPUT, run("bench", "--config", "run.yaml", "--data", folder.toString()));
        assertTrue(err.toString().startsWith("error: bench takes no run configuration file: --config run.yaml is"
                + " bench's old spelling of --peer-config"), err.toString());
    }

    @Test
    void rootHelp_listsBench() {
        run("--help");

        assertTrue(out.toString().contains("bench "), out.toString());
    }

    private int run(String... args) {
        CommandLine commandLine = BackpropCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
