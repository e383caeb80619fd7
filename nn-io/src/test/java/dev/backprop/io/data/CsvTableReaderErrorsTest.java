package dev.backprop.io.data;

import static dev.backprop.io.data.CsvTableReaderTest.csv;
import static dev.backprop.io.data.IdxFilesBadFileTest.assertFailure;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.InvalidConfigurationException;
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
                "found 4", "quote fields");
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
