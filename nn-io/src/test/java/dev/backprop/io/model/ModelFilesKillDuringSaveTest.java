package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.network.Network;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL, no shutdown hooks) a process in the middle of saving a model, several times, and
 * checks that the model file it was replacing is still complete and loadable each time, and that the
 * next save removes the temporary file the killed one left.
 */
class ModelFilesKillDuringSaveTest {

    private static final int KILLS = 3;
    private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);

    @TempDir
    Path dir;

    @Test
    void killedWhileSaving_leavesThePreviousFileLoadable() throws Exception {
        Path file = dir.resolve("model.bpnn");
        for (int kill = 1; kill <= KILLS; kill++) {
            Process saver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), SaveLoop.class.getName(), file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("saver.log").toFile()).start();
            try {
                waitForATemporaryFileAfterACompleteSave(file, saver, kill);
            } finally {
                saver.destroyForcibly();
                saver.waitFor(30, TimeUnit.SECONDS);
            }
            Network loaded = ModelFiles.load(file);
            assertEquals(10, loaded.outputWidth());
            assertEquals(1000 * 1000 + 1000 + 1000 * 10 + 10, loaded.spec().parameterCount());
            ageTemporaryFiles();
            ModelFiles.save(loaded, file);
            assertEquals(List.of(), temporaryFiles(), "the next save removes what the killed one left");
        }
    }

    /** Waits until the model file exists and a new save is under way (its temporary file exists). */
    private void waitForATemporaryFileAfterACompleteSave(Path file, Process saver, int kill) throws IOException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < TIMEOUT_NANOS) {
            assertTrue(saver.isAlive(), "the saving process ended early: " + Files.readString(dir.resolve("saver.log")));
            if (Files.exists(file) && !temporaryFiles().isEmpty()) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("kill " + kill + ": no save was seen under way within 60 s");
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** Makes the temporary files older than the minute a dead writer's file must rest before it is removed. */
    private void ageTemporaryFiles() throws IOException {
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        for (Path temporary : temporaryFiles()) {
            Files.setLastModifiedTime(temporary, old);
        }
    }
}
