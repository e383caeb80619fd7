package dev.backprop.examples.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.examples.BackpropCli;
import dev.backprop.io.model.ModelFiles;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during {@code ./backprop mnist}, as a user meets it: the command line runs in its own JVM, gets
 * SIGINT after its first epoch, and must stop after the batch under way, save its checkpoint (with the
 * batches of an unfinished epoch), draw the charts of the epochs done, say in
 * one line how to go on, and exit with 130; the checkpoint then loads and resumes.
 */
class InterruptTest {

    private static final int EPOCHS = 500;
    private static final long TIMEOUT_SECONDS = 120;
    private static final Pattern STOPPED = Pattern.compile(
            "stopped after (?:batch (\\d+) of )?epoch (\\d+) of " + EPOCHS
                    + "; the checkpoint is saved in (\\S+)\\. Go on with: (.+)");

    @TempDir
    Path dir;

    @Test
    void ctrlC_savesTheCheckpointAndCharts_saysHowToGoOn_andTheRunResumes() throws Exception {
        Path data = Path.of("..", "data", "fashion-mnist-small").toAbsolutePath().normalize();
        Path model = dir.resolve("run/model.bpnn");
        Path log = dir.resolve("child.log");
        Process child = start(List.of("mnist", "--data", data.toString(), "--limit", "1000", "--hidden", "32",
                "--epochs", String.valueOf(EPOCHS), "--threads", "1", "--model", model.toString()), log);
        String output;
        try {
            waitFor(log, "epoch 1/" + EPOCHS, child);
            String signal = ignoresSigint(child.pid()) ? "-TERM" : "-INT"; // a shell's background job ignores SIGINT
            assertEquals(0, new ProcessBuilder("kill", signal, String.valueOf(child.pid())).start().waitFor());
            assertTrue(child.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS), "the run stops: " + Files.readString(log));
            output = Files.readString(log);
            assertEquals(signal.equals("-INT") ? 130 : 143, child.exitValue(), output);
        } finally {
            child.destroyForcibly();
        }

        List<String> stopped = output.lines().filter(line -> STOPPED.matcher(line).matches()).toList();
        assertEquals(1, stopped.size(), "one line says how to go on: " + output);
        Matcher line = STOPPED.matcher(stopped.get(0));
        assertTrue(line.matches());
        boolean midEpoch = line.group(1) != null;
        int epochs = Integer.parseInt(line.group(2)) - (midEpoch ? 1 : 0); // the epochs completed
        assertTrue(epochs >= (midEpoch ? 0 : 1) && epochs < EPOCHS, output);
        assertEquals(model.toString(), line.group(3));
        assertEquals("./backprop mnist --data " + data + " --limit 1000 --model " + model + " --resume",
                line.group(4));
        assertTrue(output.contains("stopping: finishing the work under way and saving the checkpoint"), output);
        assertTrue(!output.contains("result: "), "an interrupted run has no result line: " + output);
        for (String chart : List.of("model-loss.png", "model-accuracy.png")) {
            assertTrue(ImageIO.read(model.resolveSibling(chart).toFile()).getWidth() > 0, chart);
        }
        TrainingCheckpoint saved = ModelFiles.checkpoint(model).orElseThrow();
        assertEquals(epochs, saved.completedEpochs(), "the checkpoint holds every epoch done");
        assertEquals(midEpoch, saved.midEpoch(), "and the batches of an unfinished one: " + saved.position());
        if (midEpoch) {
            assertEquals(Integer.parseInt(line.group(1)), saved.currentEpoch().batches(), saved.position());
        }

        CliRun resumed = CliRun.of("mnist", "--data", data.toString(), "--limit", "1000", "--threads", "1",
                "--model", model.toString(), "--resume", "--epochs", String.valueOf(epochs + 1));
        assertEquals(0, resumed.status(), resumed.toString());
        assertTrue(resumed.out().startsWith("resuming " + model + " " + saved.position() + " of " + (epochs + 1)),
                resumed.out());
        assertTrue(resumed.lastLine().startsWith("result: example=mnist epochs=" + (epochs + 1) + " "),
                resumed.lastLine());
    }

    /** The command line in its own JVM (this JVM's module flags, so it uses the same kernels). */
    private static Process start(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-modules")) {
                command.add(flag);
            }
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BackpropCli.class.getName()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitFor(Path log, String text, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            if (output.contains(text)) {
                return;
            }
            assertTrue(child.isAlive(), "the run ended before it was interrupted: " + output);
            Thread.sleep(5);
        }
        throw new AssertionError("no '" + text + "' within " + TIMEOUT_SECONDS + " s");
    }

    /** Whether the process ignores SIGINT (its SigIgn mask in /proc has bit 1 set), as jobs started with & do. */
    private static boolean ignoresSigint(long pid) throws IOException {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        if (!Files.exists(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:"))
                .map(l -> Long.parseLong(l.substring("SigIgn:".length()).strip(), 16))
                .anyMatch(mask -> (mask & 0x2) != 0);
    }
}
