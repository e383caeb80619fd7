package dev.backprop.examples.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.examples.BackpropCli;
import dev.backprop.io.model.ModelFiles;
import dev.backprop.io.model.ModelFormatException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole promise of checkpoints, as a user meets it: {@code ./backprop mnist} (default preset: Adam,
 * dropout, a cosine schedule) is killed with SIGKILL part-way, {@code --resume} goes on from its last
 * checkpoint, and the final weights equal those of a run that was never interrupted.
 */
class KillAndResumeTest {

    private static final int EPOCHS = 40;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    @TempDir
    Path dir;

    @Test
    void killedRun_resumed_endsWithTheWeightsOfAnUninterruptedRun() throws Exception {
        Path data = Path.of("..", "data", "fashion-mnist-small").toAbsolutePath().normalize();
        Path whole = dir.resolve("whole/model.bpnn");
        Path killed = dir.resolve("killed/model.bpnn");
        List<String> training = List.of("mnist", "--data", data.toString(), "--limit", "1500", "--hidden", "32,16",
                "--epochs", String.valueOf(EPOCHS), "--threads", "1");

        assertEquals(0, CliRun.of(with(training, "--model", whole.toString()).toArray(String[]::new)).status());

        Process child = startChild(with(training, "--model", killed.toString()));
        int stoppedAfter;
        try {
            stoppedAfter = waitForCheckpointAfterEpoch(killed, 3, child);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        TrainingCheckpoint atKill = ModelFiles.checkpoint(killed).orElseThrow();
        assertTrue(atKill.completedEpochs() >= stoppedAfter && atKill.completedEpochs() < EPOCHS,
                "killed part-way: checkpoint after epoch " + atKill.completedEpochs());

        CliRun resumed = CliRun.of("mnist", "--data", data.toString(), "--limit", "1500", "--threads", "2",
                "--model", killed.toString(), "--resume");

        assertEquals(0, resumed.status(), resumed.toString());
        Network expected = ModelFiles.load(whole);
        Network actual = ModelFiles.load(killed);
        for (int i = 0; i < expected.parameters().size(); i++) {
            assertArrayEquals(expected.parameters().get(i).values(), actual.parameters().get(i).values(),
                    "after a kill at epoch " + atKill.completedEpochs() + ": " + expected.parameters().get(i).name());
        }
    }

    private static List<String> with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    /** The command line in its own JVM, with this JVM's module flags so that it uses the same kernels. */
    private Process startChild(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-modules")) {
                command.add(flag);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BackpropCli.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Polls the checkpoint file until it records at least {@code epoch} epochs; returns what it saw. */
    private int waitForCheckpointAfterEpoch(Path model, int epoch, Process child) throws Exception {
        long start = System.nanoTime();
        while (System.nanoTime() - start < TIMEOUT_NANOS) {
            assertTrue(child.isAlive(), "the training process ended before it was killed: "
                    + Files.readString(dir.resolve("child.log")));
            if (Files.exists(model)) {
                try {
                    Optional<TrainingCheckpoint> checkpoint = ModelFiles.checkpoint(model);
                    if (checkpoint.isPresent() && checkpoint.get().completedEpochs() >= epoch) {
                        return checkpoint.get().completedEpochs();
                    }
                } catch (ModelFormatException replacedWhileReading) {
                    // the file was renamed over while being read: read the new one next time
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no checkpoint after epoch " + epoch + " within 120 s");
    }
}
