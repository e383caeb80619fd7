package dev.backprop.io.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files are named after their writer's process, and a save removes those of the same
 * target that a process no longer running left behind, and nothing else.
 */
class AtomicFileWriterStaleFilesTest {

    private static long deadPid;

    @TempDir
    Path dir;

    @BeforeAll
    static void startAndEndAProcess() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "java -version did not end");
        deadPid = process.pid();
        assertTrue(ProcessHandle.of(deadPid).isEmpty(), "process " + deadPid + " still runs");
    }

    @Test
    void temporaryName_carriesThisProcessId() {
        String name = StaleTemporaryFiles.name("model.bpnn", 35);

        assertEquals("model.bpnn." + ProcessHandle.current().pid() + ".z.tmp", name);
    }

    @Test
    void save_removesADeadProcessesOldTemporaryFileOfTheSameTarget() throws IOException {
        Path stale = old(dir.resolve("model.bpnn." + deadPid + ".k3j9x.tmp"));

        AtomicFileWriter.write(dir.resolve("model.bpnn"), out -> out.write(1));

        assertFalse(Files.exists(stale), "the killed save's temporary file is gone");
        assertEquals(List.of("model.bpnn"), names());
    }

    @Test
    void save_keepsLiveWritersRecentOthersAndUnnumberedTemporaryFiles() throws IOException {
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        List<Path> kept = List.of(
                old(dir.resolve("model.bpnn." + live + ".abc.tmp")),          // a concurrent writer, alive
                dir.resolve("model.bpnn." + deadPid + ".recent.tmp"),         // changed less than a minute ago
                old(dir.resolve("other.bpnn." + deadPid + ".abc.tmp")),       // another target's
                old(dir.resolve("model.bpnn.abc.tmp")),                       // an older version's: no process id
                old(dir.resolve("model.bpnn.x" + deadPid + ".abc.tmp")));     // not a process id
        Files.createFile(kept.get(1));

        AtomicFileWriter.write(dir.resolve("model.bpnn"), out -> out.write(1));

        for (Path file : kept) {
            assertTrue(Files.exists(file), file + " is kept");
        }
    }

    private static Path old(Path file) throws IOException {
        Files.write(file, new byte[] {1, 2, 3});
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        return file;
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
