package dev.backprop.io.data;

import static dev.backprop.io.data.CsvTableReaderTest.csv;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitAndScalerTest {

    @TempDir
    Path dir;

    @Test
    void split_isDeterministicAndPartitionsTheRows() {
        Split a = Split.shuffled(100, 0.2, 0.1, 7);
        Split b = Split.shuffled(100, 0.2, 0.1, 7);

        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
        assertEquals(70, a.train().length);
        assertEquals(20, a.validation().length);
        assertEquals(10, a.test().length);
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(a.train()), Arrays.stream(a.validation())),
                Arrays.stream(a.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
        assertFalse(Arrays.equals(a.train(), Split.shuffled(100, 0.2, 0.1, 8).train()));
    }

    @Test
    void split_sizesRoundAndKeepAtLeastOneRow() {
        assertEquals(1, Split.shuffled(3, 0.01, 1).validation().length);
        assertEquals(0, Split.shuffled(3, 0, 1).validation().length);
        assertEquals(0, Split.shuffled(3, 0.2, 1).test().length);
        assertThrows(InvalidConfigurationException.class, () -> Split.shuffled(1, 0.5, 1));
        assertThrows(InvalidConfigurationException.class, () -> Split.shuffled(10, 1.0, 1));
        assertThrows(InvalidConfigurationException.class, () -> Split.shuffled(10, Double.NaN, 1));
    }

    @Test
    void scaler_standardizeAndMinMax_constantColumnsMapToZero() {
        float[] features = {1, 5, 3, 5, 5, 5};

        Scaler standard = Scaler.fit(Scaling.STANDARDIZE, features, 2);
        Scaler minMax = Scaler.fit(Scaling.MIN_MAX, features, 2);

        assertArrayEquals(new float[] {3, 5}, standard.centers());
        assertEquals((float) Math.sqrt(8.0 / 3), standard.spreads()[0], 1e-6f);
        assertEquals(0f, standard.spreads()[1]);
        float[] z = standard.transform(features);
        assertEquals(-1.2247449f, z[0], 1e-5f);
        assertEquals(0f, z[1]);
        assertArrayEquals(new float[] {0, 0, 0.5f, 0, 1, 0}, minMax.transform(features), 1e-6f);
        assertArrayEquals(features, Scaler.fit(Scaling.NONE, features, 2).transform(features));
        Scaler restored = Scaler.of(Scaling.MIN_MAX, minMax.centers(), minMax.spreads());
        assertArrayEquals(minMax.transform(features), restored.transform(features));
    }

    @Test
    void load_fitsTheScalerOnTrainingRowsOnly() {
        StringBuilder text = new StringBuilder("a,b,kind\n");
        for (int i = 0; i < 40; i++) {
            text.append(i).append(',').append(i * i).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        Path file = csv(dir, "data.csv", text.toString());

        CsvTrainingSplit data = CsvTrainingSplit.load(file, CsvReadOptions.defaults(), 0.25, Scaling.STANDARDIZE, 42);

        assertEquals(30, data.train().size());
        assertEquals(10, data.validation().size());
        assertEquals(List.of("even", "odd"), data.classNames());
        assertEquals(List.of("a", "b"), data.featureNames());
        double[] trainMean = means(data.train());
        double[] validationMean = means(data.validation());
        assertEquals(0, trainMean[0], 1e-5);
        assertEquals(0, trainMean[1], 1e-5);
        assertNotEquals(0, validationMean[0], 1e-3);
        CsvTable raw = CsvTableReader.read(file, CsvReadOptions.defaults());
        Split split = Split.shuffled(40, 0.25, 42);
        Scaler expected = Scaler.fit(Scaling.STANDARDIZE, raw.featureRows(split.train()), 2);
        assertArrayEquals(expected.centers(), data.scaler().centers());
        assertNotEquals(Scaler.fit(Scaling.STANDARDIZE, raw.features(), 2).centers()[0], data.scaler().centers()[0]);
        CsvTrainingSplit again = CsvTrainingSplit.load(file, CsvReadOptions.defaults(), 0.25, Scaling.STANDARDIZE, 42);
        assertArrayEquals(data.validation().features(3), again.validation().features(3));
    }

    @Test
    void load_iris() {
        CsvTrainingSplit iris = CsvTrainingSplit.load(Path.of("..", "data", "iris", "iris.csv"), CsvReadOptions.defaults(),
                0.2, Scaling.MIN_MAX, 1);

        assertEquals(120, iris.train().size());
        assertEquals(30, iris.validation().size());
        assertEquals(4, iris.train().featureWidth());
        assertEquals(3, iris.train().targetWidth());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertThrows(InvalidConfigurationException.class, () -> CsvTrainingSplit.load(Path.of("x.csv"),
                CsvReadOptions.defaults(), 0, Scaling.NONE, 1));
    }

    private static double[] means(Dataset data) {
        double[] sums = new double[data.featureWidth()];
        for (int i = 0; i < data.size(); i++) {
            float[] row = data.features(i);
            for (int c = 0; c < row.length; c++) {
                sums[c] += row[c] / (double) data.size();
            }
        }
        return sums;
    }
}
