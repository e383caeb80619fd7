package dev.backprop.io.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.backprop.io.testing.FuzzChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes {@link IdxFiles}: the first input byte picks labels ({@code L}) or images (anything else), the
 * rest is the file, plain or gzipped. Any content reads or fails with a {@link DatasetFormatException},
 * the one exception they document, within {@link FuzzChecks}' allocation bound.
 */
class IdxFilesFuzzTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void warmUp() {
        IdxFiles.readImages(IdxTestFiles.write(dir.resolve("warm-up-images.gz"),
                IdxTestFiles.gzip(IdxTestFiles.images(2, 2, 2))));
        IdxFiles.readLabels(IdxTestFiles.write(dir.resolve("warm-up-labels"), IdxTestFiles.labels(2, 2)));
    }

    @FuzzTest(maxDuration = "4s")
    void load(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        Path file = Files.write(dir.resolve("fuzzed"), Arrays.copyOfRange(input, 1, input.length));

        FuzzChecks.check(input.length, List.of(DatasetFormatException.class),
                () -> {
                    if (input[0] == 'L') {
                        IdxFiles.readLabels(file);
                    } else {
                        IdxFiles.readImages(file);
                    }
                });
    }

    @Test
    void keptSeed_isAValidGzippedImageFile() throws IOException {
        byte[] seed = Files.readAllBytes(
                Path.of("src/test/resources/dev/backprop/io/data/IdxFilesFuzzTestInputs/load/seed-images-gzip"));

        IdxImages images = IdxFiles.readImages(Files.write(dir.resolve("seed.gz"),
                Arrays.copyOfRange(seed, 1, seed.length)));

        assertEquals(2, images.count());
    }
}
