package dev.backprop.io.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.io.model.TestTrainers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableReaderTest {

    @TempDir
    Path dir;

    static Path csv(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void header_lastColumnLabel_oneHotSortedClasses() {
        Path file = csv(dir, "a.csv", "x,y,kind\n1,2,b\n3,4,a\n5,6,b\n");

        CsvTable data = CsvTableReader.read(file, CsvReadOptions.defaults());

        assertEquals(3, data.rows());
        assertEquals(List.of("x", "y"), data.featureNames());
        assertEquals("kind", data.targetName());
        assertEquals(List.of("a", "b"), data.classNames());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, data.features());
        assertArrayEquals(new float[] {0, 1, 1, 0, 0, 1}, data.targets());
        assertEquals(2, data.toDataset().targetWidth());
    }

    @Test
    void classIndexEncoding_givesOneIntegerTargetPerRow_forSparseCrossEntropy() {
        Path file = csv(dir, "a.csv", "x,y,kind\n1,2,b\n3,4,a\n5,6,c\n");

        CsvTable data = CsvTableReader.read(file, CsvReadOptions.builder().encoding(TargetEncoding.CLASS_INDEX).build());

        assertEquals(List.of("a", "b", "c"), data.classNames());
        assertEquals(1, data.targetWidth());
        assertArrayEquals(new float[] {1, 0, 2}, data.targets());
        Network network = Network.builder().input(2).dense(3, "softmax").build();
        var history = TestTrainers.of(TrainingConfig.builder()
                        .loss("sparse_categorical_cross_entropy").optimizer("adam").epochs(2).batchSize(2).build(),
                PluginRegistry.discovered(), List.of()).fit(network, data.toDataset());
        assertEquals(2, history.epochs().size(), "the integer targets fit sparse_categorical_cross_entropy");
    }

    @Test
    void noHeader_labelByIndex_generatedNames() {
        Path file = csv(dir, "b.csv", "7,1.5,2.5\n8,3.5,4.5\n");

        CsvTable data = CsvTableReader.read(file, CsvReadOptions.builder().header(false).labelColumn(0).build());

        assertEquals(List.of("column_1", "column_2"), data.featureNames());
        assertEquals("column_0", data.targetName());
        assertEquals(List.of("7", "8"), data.classNames());
        assertEquals(3.5f, data.feature(1, 0));
    }

    @Test
    void integerLabels_sortNumerically() {
        Path file = csv(dir, "c.csv", "x,label\n1,10\n2,2\n3,1\n");

        CsvTable data = CsvTableReader.read(file, CsvReadOptions.defaults());

        assertEquals(List.of("1", "2", "10"), data.classNames());
        assertArrayEquals(new float[] {0, 0, 1}, data.targetRows(new int[] {0}));
    }

    @Test
    void labelByName_regression_selectedFeatures() {
        Path file = csv(dir, "d.csv", "price,rooms,area,noise\n100.5,3,70,9\n200,4,90,8\n");

        CsvTable data = CsvTableReader.read(file, CsvReadOptions.builder().labelColumn("price")
                .encoding(TargetEncoding.REGRESSION).featureColumns("area", "rooms").build());

        assertEquals(List.of("area", "rooms"), data.featureNames());
        assertEquals(List.of(), data.classNames());
        assertEquals(1, data.targetWidth());
        assertArrayEquals(new float[] {70, 3, 90, 4}, data.features());
        assertArrayEquals(new float[] {100.5f, 200}, data.targets());
    }

    @Test
    void quotedFieldsWithDelimitersQuotesAndLineBreaks_andBlankLines() {
        Path file = csv(dir, "e.csv", "\uFEFF\"a, b\",\"c\"\n\"1\",\"2\"\n\n3,\"New York, \"\"NY\"\"\"\n"
                + "4,\"two\nlines\"\n");

        CsvTable data = CsvTableReader.read(file, CsvReadOptions.defaults());

        assertEquals(List.of("a, b"), data.featureNames());
        assertEquals(List.of("2", "New York, \"NY\"", "two\nlines"), data.classNames());
        assertArrayEquals(new float[] {1, 3, 4}, data.features());
    }

    @Test
    void otherDelimiter() {
        Path file = csv(dir, "f.csv", "x;y\n1,5;a\n2;b\n".replace("1,5", "1.5"));

        CsvTable data = CsvTableReader.read(file, CsvReadOptions.builder().delimiter(';').build());

        assertArrayEquals(new float[] {1.5f, 2}, data.features());
    }

    @Test
    void iris_has150Rows4Features3Classes() {
        Path iris = Path.of("..", "data", "iris", "iris.csv");

        CsvTable data = CsvTableReader.read(iris, CsvReadOptions.builder().labelColumn("species").build());

        assertEquals(150, data.rows());
        assertEquals(List.of("sepal_length", "sepal_width", "petal_length", "petal_width"), data.featureNames());
        assertEquals(List.of("setosa", "versicolor", "virginica"), data.classNames());
        float[] targets = data.targets();
        float[] perClass = new float[3];
        for (int i = 0; i < targets.length; i++) {
            perClass[i % 3] += targets[i];
        }
        assertArrayEquals(new float[] {50, 50, 50}, perClass);
        assertEquals(5.1f, data.feature(0, 0));
        assertEquals(1.8f, data.feature(149, 3));
    }
}
