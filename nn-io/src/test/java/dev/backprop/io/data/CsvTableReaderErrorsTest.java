package dev.backprop.io.data;

import static dev.backprop.io.data.CsvTableReaderTest.csv;
import static dev.backprop.io.data.IdxFilesBadFileTest.assertFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.io.testing.Allocations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderErrorsTest {

    @TempDir
    Path dir;

    private static final CsvReadOptions DEFAULTS = CsvReadOptions.defaults();

    @Test
    void nonNumericCell_namesLineColumnAndValue() {
        Path file = csv(dir, "a.csv", "x,y,kind\n1,2,a\n3,abc,b\n");

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), file.toString(), "line 3",
                "column 'y' (index 1)", "expected a number", "found 'abc'", "Convert the column");
    }

    @Test
    void emptyCell_isAMissingValue() {
        Path file = csv(dir, "a.csv", "x,y,kind\n1,,a\n");

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), "line 2", "column 'y' (index 1)", "cell is empty",
                "impute");
    }

    @Test
    void raggedRow_namesLineAndFieldCounts() {
        Path file = csv(dir, "a.csv", "x,y,kind\n1,2,a\n3,4,5,b\n");

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), file.toString(), "line 3", "expected 3 fields",
                "found more (at least 4)", "quote fields");
    }

    @Test
    void shortRow_quotesItsFields() {
        Path file = csv(dir, "a.csv", "x,y,kind\n1,2,a\n3,b\n");

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), "line 3", "expected 3 fields", "found 2: [3, b]");
    }

    /** A 200 MB line of short fields once ran for minutes at 5.8 GB: reading now stops at the limit. */
    @Test
    void hugeLineOfShortFields_stopsAtTheFieldLimit() throws IOException {
        Path file = dir.resolve("wide.csv");
        Files.writeString(file, "a,".repeat(2_000_000) + "b\n1,2\n");

        Allocations.Measured read = Allocations.measure(() -> CsvTableReader.read(file, DEFAULTS));

        String message = assertInstanceOf(DatasetFormatException.class, read.thrown()).getMessage();
        assertContains(message, "line 1: expected at most 10000 fields (CsvReadOptions.maxFields) but found more",
                "maxFields(n)");
        assertTrue(message.length() < 300 + file.toString().length(), message);
        assertTrue(read.bytes() < 64L << 20, () -> "allocated " + read.bytes() + " bytes");
    }

    @Test
    void fieldLimit_isConfigurable() {
        Path file = csv(dir, "a.csv", "a,b,c,d\n1,2,3,4\n");

        assertFailure(() -> CsvTableReader.read(file, CsvReadOptions.builder().maxFields(3).build()),
                "expected at most 3 fields");
        assertThrows(InvalidConfigurationException.class, () -> CsvReadOptions.builder().maxFields(1).build());
    }

    @Test
    void rowOfAHundredThousandFields_givesAShortMessage() throws IOException {
        Path file = dir.resolve("ragged.csv");
        Files.writeString(file, "x,y\n" + "123456789,".repeat(100_000) + "1\n");

        String message = assertThrows(DatasetFormatException.class, () -> CsvTableReader.read(file, DEFAULTS))
                .getMessage();

        assertContains(message, "line 2: expected 2 fields", "found more (at least 3)");
        assertTrue(message.length() < 300 + file.toString().length(), message);
    }

    @Test
    void longValues_areQuotedShort() throws IOException {
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "x,kind\n" + "9".repeat(100) + "z,a\n");

        String message = assertThrows(DatasetFormatException.class, () -> CsvTableReader.read(file, DEFAULTS))
                .getMessage();

        assertContains(message, "found '" + "9".repeat(40) + "…'");
        assertTrue(message.length() < 300 + file.toString().length(), message);
    }

    @Test
    void fieldLongerThanTheLimit_isRefusedWhileRead() throws IOException {
        Path file = dir.resolve("quote.csv");
        Files.writeString(file, "x,kind\n\"" + "a".repeat(CsvReadOptions.MAX_FIELD_CHARS + 10) + "\",b\n");

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), "has a field longer than 1000000 characters",
                "unclosed quote");
    }

    /** 50,000 distinct labels once overflowed rows × classes or exhausted memory. */
    @Test
    void fiftyThousandDistinctLabels_areRefusedWithTheRegressionAdvice() throws IOException {
        StringBuilder text = new StringBuilder("x,price\n");
        for (int i = 0; i < 50_000; i++) {
            text.append(i).append(',').append(i).append('\n');
        }
        Path file = dir.resolve("prices.csv");
        Files.writeString(file, text);

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), "line 1002", "label column 'price' (index 1)",
                "expected at most 1000 classes (CsvReadOptions.maxClasses) but found more",
                "encoding(TargetEncoding.REGRESSION)", "maxClasses(n)");
        assertEquals(50_000, CsvTableReader.read(file, CsvReadOptions.builder().encoding(TargetEncoding.REGRESSION)
                .build()).rows());
        assertEquals(50_000, CsvTableReader.read(file, CsvReadOptions.builder().maxClasses(50_000)
                .encoding(TargetEncoding.CLASS_INDEX).build()).classNames().size());
    }

    private static void assertContains(String message, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
    }

    @Test
    void emptyFile() {
        Path file = csv(dir, "a.csv", "");

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), file.toString(), "is empty",
                "a header line and at least one data row");
    }

    @Test
    void headerOnly_hasNoDataRows() {
        Path file = csv(dir, "a.csv", "x,y,kind\n");

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), "no data rows", "header(false)");
    }

    @Test
    void unknownLabelColumn_listsColumnsAndClosestMatch() {
        Path file = csv(dir, "a.csv", "sepal_length,species\n1,a\n2,b\n");

        assertFailure(() -> CsvTableReader.read(file, CsvReadOptions.builder().labelColumn("Specie").build()),
                "no label column named 'Specie'", "[sepal_length, species]", "Did you mean 'species'?");
    }

    @Test
    void unknownFeatureColumn_andLabelIndexOutOfRange() {
        Path file = csv(dir, "a.csv", "x,y,kind\n1,2,a\n3,4,b\n");

        assertFailure(() -> CsvTableReader.read(file, CsvReadOptions.builder().featureColumns("x", "z").build()),
                "no feature column named 'z'", "[x, y, kind]");
        assertFailure(() -> CsvTableReader.read(file, CsvReadOptions.builder().labelColumn(3).build()),
                "label column index is 3", "indices 0 to 2");
    }

    @Test
    void nanAndInfinity_areRejected() {
        Path nan = csv(dir, "nan.csv", "x,y,kind\n1,2,a\n3,NaN,b\n");
        Path inf = csv(dir, "inf.csv", "x,y,kind\n-Infinity,2,a\n3,4,b\n");
        Path big = csv(dir, "big.csv", "x,y,kind\n1e39,2,a\n3,4,b\n");

        assertFailure(() -> CsvTableReader.read(nan, DEFAULTS), "line 3", "column 'y' (index 1)", "(NaN)");
        assertFailure(() -> CsvTableReader.read(inf, DEFAULTS), "line 2", "column 'x' (index 0)", "(infinite)");
        assertFailure(() -> CsvTableReader.read(big, DEFAULTS), "line 2", "float range");
    }

    @Test
    void singleClass_isAnError() {
        Path file = csv(dir, "a.csv", "x,kind\n1,a\n2,a\n");

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), "column 'kind' (index 1)", "single class ('a')",
                "at least 2 classes", "REGRESSION");
    }

    @Test
    void nonNumericRegressionTarget() {
        Path file = csv(dir, "a.csv", "x,price\n1,cheap\n");

        assertFailure(() -> CsvTableReader.read(file, CsvReadOptions.builder().encoding(TargetEncoding.REGRESSION).build()),
                "line 2", "column 'price' (index 1)", "regression target", "found 'cheap'");
    }

    @Test
    void missingFileAndFolder() {
        Path missing = dir.resolve("nope.csv");

        assertFailure(() -> CsvTableReader.read(missing, DEFAULTS), missing.toString(), "does not exist");
        assertFailure(() -> CsvTableReader.read(dir, DEFAULTS), "it is a folder");
    }

    @Test
    void unclosedQuote() {
        Path file = csv(dir, "a.csv", "x,kind\n1,\"a\n2,b\n");

        assertFailure(() -> CsvTableReader.read(file, DEFAULTS), file.toString(), "quote");
    }

    @Test
    void onlyALabelColumn_orDuplicateHeader() {
        Path single = csv(dir, "one.csv", "x;kind\n1;a\n");
        Path twice = csv(dir, "two.csv", "x,x,kind\n1,2,a\n");

        assertFailure(() -> CsvTableReader.read(single, DEFAULTS), "at least one feature column", "delimiter");
        assertFailure(() -> CsvTableReader.read(twice, DEFAULTS), "line 1", "'x' appears twice");
    }

    @Test
    void contradictoryOptions() {
        assertThrows(InvalidConfigurationException.class, () -> CsvReadOptions.builder().delimiter('"').build());
        assertThrows(InvalidConfigurationException.class,
                () -> CsvReadOptions.builder().labelColumn("y").featureColumns("x", "y").build());
        assertThrows(InvalidConfigurationException.class, () -> CsvReadOptions.builder().labelColumn(-2).build());
    }
}
