package dev.backprop.io.data;

import static dev.backprop.io.data.IdxTestFiles.gzip;
import static dev.backprop.io.data.IdxTestFiles.images;
import static dev.backprop.io.data.IdxTestFiles.labels;
import static dev.backprop.io.data.IdxTestFiles.write;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.io.testing.Allocations;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class IdxFilesBadFileTest {

    @TempDir
    Path dir;

    @Test
    void missingFile_saysItDoesNotExist() {
        Path file = dir.resolve("nowhere-images.gz");

        assertFailure(() -> IdxFiles.readImages(file), file.toString(), "does not exist",
                "train-images-idx3-ubyte.gz", "Check the path");
    }

    @Test
    void folderInsteadOfFile_saysAFileWasExpected() {
        assertFailure(() -> IdxFiles.readLabels(dir), dir.toString(), "it is a folder", "a file was expected");
    }

    @Test
    void labelFileGivenForImages_namesBothMagicsAndSaysThePathsLookSwapped() {
        Path file = write(dir.resolve("labels"), labels(3, 10));

        assertFailure(() -> IdxFiles.readImages(file), file.toString(), "is not an IDX image file",
                "expected the magic number 0x00000803", "found 0x00000801", "the magic of an IDX label file",
                "look swapped");
    }

    @Test
    void imageFileGivenForLabels_namesBothMagics() {
        Path file = write(dir.resolve("images.gz"), gzip(images(3, 2, 2)));

        assertFailure(() -> IdxFiles.readLabels(file), file.toString(), "(gzip)", "is not an IDX label file",
                "expected the magic number 0x00000801", "found 0x00000803", "the magic of an IDX image file");
    }

    @Test
    void textFile_isNotAnIdxFile() {
        Path file = write(dir.resolve("notes.txt"), "hello, not data".getBytes(StandardCharsets.US_ASCII));

        assertFailure(() -> IdxFiles.readImages(file), "is not an IDX image file", "0x68656c6c",
                "which is not an IDX magic number", "train-images-idx3-ubyte.gz");
    }

    @Test
    void idxFileOfAnotherType_saysWhichTypeItHolds() {
        byte[] bytes = ByteBuffer.allocate(12).putInt(0x00000D02).putInt(1).putInt(1).array();
        Path file = write(dir.resolve("floats"), bytes);

        assertFailure(() -> IdxFiles.readImages(file), "an IDX file of float values in 2 dimensions",
                "0x00000803 (unsigned bytes in 3 dimensions: count, rows, columns)");
    }

    @Test
    void emptyFile_isReportedAsTruncatedHeader() {
        Path file = write(dir.resolve("empty"), new byte[0]);

        assertFailure(() -> IdxFiles.readImages(file), file.toString(), "is truncated", "16-byte header",
                "the file is empty", "download or copy it again");
    }

    @Test
    void fileEndingInsideTheHeader_saysWhereItEnds() {
        Path file = write(dir.resolve("short-header"), Arrays.copyOf(images(2, 2, 2), 10));

        assertFailure(() -> IdxFiles.readImages(file), "is truncated", "16-byte header", "ends after 10 bytes",
                "3 dimension sizes");
    }

    @Test
    void truncatedImages_sayHowManyBytesTheHeaderDeclaresAndHowManyFollow() {
        Path file = write(dir.resolve("images"), Arrays.copyOf(images(5, 2, 2), 16 + 13));

        assertFailure(() -> IdxFiles.readImages(file), file.toString(), "is truncated",
                "its header declares 5 images of 2 × 2 pixels (20 bytes after the 16-byte header)",
                "only 13 bytes follow", "download or copy it again");
    }

    @Test
    void truncatedLargeFile_isReadInGrowingChunksAndReportedAsTruncated() {
        byte[] bytes = images(5000, 28, 28);
        ByteBuffer.wrap(bytes).putInt(4, 6000);
        Path file = write(dir.resolve("images"), bytes);

        assertFailure(() -> IdxFiles.readImages(file), "is truncated", "declares 6000 images of 28 × 28 pixels",
                "(4704000 bytes after the 16-byte header)", "only 3920000 bytes follow");
    }

    @Test
    void truncatedLabels_inAGzippedFile_areReportedAsTruncated() {
        Path file = write(dir.resolve("labels.gz"), gzip(Arrays.copyOf(labels(9, 10), 8 + 4)));

        assertFailure(() -> IdxFiles.readLabels(file), "(gzip) is truncated", "9 labels",
                "only 4 bytes follow");
    }

    @Test
    void gzipStreamCutShort_isReportedAsTruncated() {
        byte[] compressed = gzip(images(50, 8, 8));
        Path file = write(dir.resolve("cut.gz"), Arrays.copyOf(compressed, compressed.length / 2));

        assertFailure(() -> IdxFiles.readImages(file), file.toString(), "is truncated", "gzip data ends early");
    }

    @Test
    void corruptGzipData_isReported() {
        byte[] compressed = gzip(images(50, 8, 8));
        compressed[compressed.length - 8] ^= 0x55;  // the CRC32 in the gzip trailer
        Path file = write(dir.resolve("corrupt.gz"), compressed);

        assertFailure(() -> IdxFiles.readImages(file), file.toString(), "starts like a gzip file",
                "compressed data is corrupt", "download or copy it again");
    }

    @Test
    void trailingBytes_areCountedAndReported() {
        byte[] bytes = Arrays.copyOf(labels(4, 10), 8 + 4 + 3);
        Path file = write(dir.resolve("labels"), bytes);

        assertFailure(() -> IdxFiles.readLabels(file), file.toString(), "has 3 unexpected bytes after the 4 labels",
                "expected the data to end at byte 12 but found 15 bytes", "appended");
    }

    @Test
    void zeroImages_areRejected() {
        Path file = write(dir.resolve("none"), images(0, 28, 28));

        assertFailure(() -> IdxFiles.readImages(file), file.toString(), "declares 0 images",
                "expected at least 1");
    }

    @Test
    void zeroLabels_areRejected() {
        Path file = write(dir.resolve("none"), labels(0, 10));

        assertFailure(() -> IdxFiles.readLabels(file), "declares 0 labels", "expected at least 1");
    }

    @Test
    void emptyImageSize_isRejected() {
        Path file = write(dir.resolve("flat"), images(3, 0, 28));

        assertFailure(() -> IdxFiles.readImages(file), "declares images of 0 × 28 pixels",
                "expected at least 1 × 1");
    }

    @Test
    void hugeDeclaredSize_isRejectedBeforeAllocating() {
        byte[] bytes = ByteBuffer.allocate(16).putInt(0x00000803).putInt(1_000_000).putInt(1000).putInt(1000)
                .array();
        Path file = write(dir.resolve("huge"), bytes);

        assertFailure(() -> IdxFiles.readImages(file), "1000000 images of 1000 × 1000 pixels",
                "which one Java array cannot hold");
    }

    @Test
    void sizeDeclaredNearTheLimitInATinyFile_failsAsTruncatedWithoutExhaustingMemory() {
        byte[] bytes = ByteBuffer.allocate(16 + 100).putInt(0x00000803).putInt(2000).putInt(1000).putInt(1000)
                .array();
        Path file = write(dir.resolve("liar.gz"), gzip(bytes));

        assertFailure(() -> IdxFiles.readImages(file), "is truncated", "2000 images of 1000 × 1000 pixels",
                "only 100 bytes follow");
    }

    /**
     * A 2 MB gzip (incompressible data) whose header declares 2·10^9 pixels once allocated 2 GB before
     * noticing that the data is short: the buffer now grows only as data arrives.
     */
    @Test
    void largeGzipDeclaringTwoBillionPixels_allocatesAboutWhatItHolds() {
        byte[] bytes = new byte[16 + (2 << 20)];
        new SplittableRandom(3).nextBytes(bytes);
        ByteBuffer.wrap(bytes).putInt(0x00000803).putInt(2000).putInt(1000).putInt(1000);
        Path file = write(dir.resolve("liar-images.gz"), gzip(bytes));

        Allocations.Measured read = Allocations.measure(() -> IdxFiles.readImages(file));

        DatasetFormatException failure = assertInstanceOf(DatasetFormatException.class, read.thrown());
        for (String fragment : List.of("(gzip) is truncated", "(2000000000 bytes after the 16-byte header)",
                "only " + (2 << 20) + " bytes follow")) {
            assertTrue(failure.getMessage().contains(fragment), "expected '" + fragment + "' in: " + failure.getMessage());
        }
        assertTrue(read.bytes() < 32 << 20, () -> "allocated " + read.bytes() + " bytes for 2 MiB of data");
    }

    static void assertFailure(Executable action, String... fragments) {
        DatasetFormatException failure = assertThrows(DatasetFormatException.class, action);
        for (String fragment : fragments) {
            assertTrue(failure.getMessage().contains(fragment),
                    "expected '" + fragment + "' in: " + failure.getMessage());
        }
    }
}
