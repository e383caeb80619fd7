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
 * Fuzzes {@link CsvTableReader#read}: the first input byte picks the options (bits 0-1 the target
 * encoding, bit 2 no header, bit 3 ';' as the delimiter, bit 4 the label in column 0), the rest is the
 * file. Any content reads or fails with a {@link DatasetFormatException}, the one exception it
 * documents, within {@link FuzzChecks}' allocation bound.
 */
class CsvTableReaderFuzzTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void warmUp() throws IOException {
        CsvTableReader.read(Files.writeString(dir.resolve("warm-up.csv"), "x,y\n1,a\n2,b\n"),
                CsvReadOptions.defaults());
    }

    @FuzzTest(maxDuration = "4s")
    void load(byte[] input) throws IOException {
        if (input.length == 0) {
            return;
        }
        CsvReadOptions options = options(input[0]);
        Path file = Files.write(dir.resolve("fuzzed.csv"), Arrays.copyOfRange(input, 1, input.length));

        FuzzChecks.check(input.length, List.of(DatasetFormatException.class),
                () -> CsvTableReader.read(file, options));
    }

    @Test
    void keptSeed_isAValidTable() throws IOException {
        byte[] seed = Files.readAllBytes(
                Path.of("src/test/resources/dev/backprop/io/data/CsvTableReaderFuzzTestInputs/load/seed-one-hot"));

        CsvTable table = CsvTableReader.read(Files.write(dir.resolve("seed.csv"),
                Arrays.copyOfRange(seed, 1, seed.length)), options(seed[0]));

        assertEquals(3, table.rows());
    }

    private static CsvReadOptions options(byte choice) {
        TargetEncoding[] encodings = TargetEncoding.values();
        CsvReadOptions.Builder builder = CsvReadOptions.builder()
                .encoding(encodings[(choice & 3) % encodings.length])
                .header((choice & 4) == 0)
                .delimiter((choice & 8) == 0 ? ',' : ';');
        if ((choice & 16) != 0) {
            builder.labelColumn(0);
        }
        return builder.build();
    }
}
