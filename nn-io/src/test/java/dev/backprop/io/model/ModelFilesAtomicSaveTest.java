package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.network.Network;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesAtomicSaveTest {

    @TempDir
    Path dir;

    @Test
    void save_thatFailsPartWay_leavesPreviousFileLoadable() throws IOException {
        Path file = dir.resolve("model.bpnn");
        Network modelA = TestModels.trained(TestActivations.both(), 31);
        ModelFiles.save(modelA, file);
        byte[] before = Files.readAllBytes(file);
        AtomicLong written = new AtomicLong();

        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelFiles.save(
                TestModels.trained(TestActivations.both(), 32), file, failAfter(100, written)));

        assertEquals(100, written.get(), "the failing stream must have received part of the model first");
        assertInstanceOf(IOException.class, e.getCause());
        assertContains(e.getMessage(), "Could not save the model to " + file, "simulated disk full",
                "previous file there is unchanged");
        assertArrayEquals(before, Files.readAllBytes(file));
        assertArrayEquals(ModelFilesRoundTripTest.bits(TestModels.predictions(modelA)),
                ModelFilesRoundTripTest.bits(TestModels.predictions(ModelFiles.load(file, TestActivations.both()))));
        assertEquals(List.of(file), listDir(), "no temporary file may remain");
    }

    @Test
    void save_thatFailsOnFirstSave_leavesNoFileBehind() {
        Path file = dir.resolve("model.bpnn");

        assertThrows(ModelFormatException.class, () -> ModelFiles.save(
                TestModels.trained(TestActivations.both(), 33), file, failAfter(10, new AtomicLong())));

        assertFalse(Files.exists(file));
        assertEquals(List.of(), listDir());
    }

    @Test
    void save_thatFailsWithUncheckedException_stillRemovesTemporaryFile() {
        Path file = dir.resolve("model.bpnn");
        UnaryOperator<OutputStream> exploding = raw -> new FilterOutputStream(raw) {
            @Override
            public void write(byte[] b, int off, int len) {
                throw new UncheckedIOException(new IOException("simulated failure"));
            }
        };

        assertThrows(UncheckedIOException.class, () -> ModelFiles.save(
                TestModels.trained(TestActivations.both(), 34), file, exploding));

        assertEquals(List.of(), listDir());
    }

    @Test
    void save_intoMissingDirectory_saysToCreateIt() {
        Path file = dir.resolve("absent").resolve("model.bpnn");

        String message = assertThrows(ModelFormatException.class,
                () -> ModelFiles.save(TestModels.trained(TestActivations.both(), 35), file)).getMessage();

        assertContains(message, file.toString(), "does not exist", "Create the directory");
        assertEquals(List.of(), listDir());
    }

    @Test
    void save_ontoDirectory_saysAFileNameWasExpected() throws IOException {
        Path target = Files.createDirectory(dir.resolve("models"));

        String message = assertThrows(ModelFormatException.class,
                () -> ModelFiles.save(TestModels.trained(TestActivations.both(), 36), target)).getMessage();

        assertContains(message, "is a directory", "file name was expected");
        assertTrue(Files.isDirectory(target));
    }

    @Test
    void save_leavesNoTemporaryFileAfterSuccess() {
        Path file = dir.resolve("model.bpnn");

        ModelFiles.save(TestModels.trained(TestActivations.both(), 37), file);
        ModelFiles.save(TestModels.trained(TestActivations.both(), 38), file);

        assertEquals(List.of(file), listDir());
    }

    /** Passes the first {@code limit} bytes to the file, then fails as a full disk would. */
    private static UnaryOperator<OutputStream> failAfter(long limit, AtomicLong written) {
        return raw -> new FilterOutputStream(raw) {
            @Override
            public void write(int b) throws IOException {
                if (written.get() >= limit) {
                    throw new IOException("simulated disk full");
                }
                out.write(b);
                written.incrementAndGet();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                for (int i = 0; i < len; i++) {
                    write(b[off + i]);
                }
            }
        };
    }

    private List<Path> listDir() {
        try (var files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertContains(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
    }
}
