package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.backprop.io.testing.Allocations;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Declared sizes are checked before anything is allocated: against what a Java array holds, what the
 * file has left, and the architecture declared before the tensors. The files are written here byte by
 * byte, with valid checksums, as a broken writer could have made them.
 */
class ModelFilesSizeChecksTest {

    @TempDir
    Path dir;

    @Test
    void architectureNeedingMoreValuesThanAnArrayHolds_isRefusedBeforeAllocating() throws IOException {
        Path file = write(100_000, 100_000, data -> data.writeInt(0));

        assertContains(loadFailure(file), "is corrupted", "'dense_1.weight' 100000 × 100000",
                "claims 10000000000 values, more than a Java array holds", "truncated or corrupted");
    }

    @Test
    void architectureNeedingMoreBytesThanTheFileHas_saysItEndsEarly() throws IOException {
        Path file = write(1_000, 1_000, data -> data.writeInt(0));

        assertContains(loadFailure(file), "ends early at byte " + Files.size(file), "the 1001000 weights and biases"
                + " its architecture (1000-1000) declares needs 4004000 bytes", "truncated");
    }

    @Test
    void tensorShapeThatDiffersFromTheArchitecture_isRefusedBeforeAllocating() throws IOException {
        Path file = write(3, 2, data -> {
            data.writeInt(2);
            data.writeUTF("layer1.weights");
            data.writeInt(60_000);
            data.writeInt(60_000);
            data.write(new byte[64]);     // the bytes the architecture's 8 values need, so only the shape is wrong
        });

        assertContains(loadFailure(file), "passes its checksum", "holds parameter 1 as 'layer1.weights' 60000 × 60000",
                "its architecture expects 'dense_1.weight' 3 × 2", "save the model again");
    }

    @Test
    void tensorCountThatDiffersFromTheArchitecture_isRefused() throws IOException {
        Path file = write(3, 2, data -> {
            data.writeInt(7);
            data.write(new byte[64]);
        });

        assertContains(loadFailure(file), "holds 7 parameter tensors", "(1 layers) needs 2");
    }

    /**
     * A file of a few hundred bytes whose checksum holds but whose one layer declares a huge width
     * (10^6 once took 4.2 GB and 13 s; 2.5·10^6 ran out of memory; 2^31−1 crashed) fails at once,
     * having allocated a few megabytes at most.
     */
    @ParameterizedTest
    @ValueSource(ints = {1_000_000, 2_500_000, Integer.MAX_VALUE})
    void hugeDeclaredWidthWithFewStoredValues_failsBeforeAllocatingTheDeclaredSize(int width) throws IOException {
        Path file = write(1_000, width, data -> {
            data.writeInt(2);
            data.writeUTF("dense_1.weight");
            data.writeInt(1_000);
            data.writeInt(width);
            data.write(new byte[256]);
        });

        Allocations.Measured load = Allocations.measure(() -> ModelFiles.load(file, TestActivations.both()));

        String message = assertInstanceOf(ModelFormatException.class, load.thrown()).getMessage();
        assertContains(message, String.valueOf(width), "truncated or corrupted");
        assertTrue(load.bytes() < 8 << 20, () -> "allocated " + load.bytes() + " bytes for a " + fileSize(file)
                + "-byte file");
    }

    @Test
    void layerCountBeyondTheLimit_isRefusedWithTheRange() throws IOException {
        Path file = write(3, 2, data -> data.writeInt(0));
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] = 0x7f;          // the layer count, after magic, version and input width
        bytes[13] = (byte) 0xff;
        bytes[14] = (byte) 0xff;
        bytes[15] = (byte) 0xff;
        Files.write(file, bytes);

        assertContains(loadFailure(file), "the layer count is 2147483647, outside the allowed range 1..10000");
    }

    private static long fileSize(Path file) {
        return file.toFile().length();
    }

    /** What follows the architecture. */
    private interface Rest {
        void writeTo(DataOutputStream data) throws IOException;
    }

    /** A version-4 file of one {@code test.tanh} layer {@code input → width}, then {@code rest}, then the checksum. */
    private Path write(int input, int width, Rest rest) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.write("BPNN".getBytes(StandardCharsets.US_ASCII));
        data.writeInt(4);
        data.writeInt(input);
        data.writeInt(1);
        data.writeInt(width);
        data.writeUTF("test.tanh");
        data.writeInt(0);                 // no activation settings
        data.writeUTF("");                // the activation's default initialiser
        data.writeInt(0);                 // no initialiser settings
        data.writeDouble(0);              // l1
        data.writeDouble(0);              // l2
        data.writeDouble(0);              // dropout
        rest.writeTo(data);
        data.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        data.writeLong(crc.getValue());
        Path file = dir.resolve("model.bpnn");
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static String loadFailure(Path file) {
        return assertThrows(ModelFormatException.class, () -> ModelFiles.load(file, TestActivations.both()))
                .getMessage();
    }

    private static void assertContains(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
    }
}
