package dev.backprop.io.data;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import java.nio.file.Path;

/**
 * Loads a CSV file straight into scaled training and validation {@link Dataset}s: reads it with
 * {@link CsvDataset#read}, splits the rows with {@link Split#shuffled(int, double, long)}, fits a
 * {@link Scaler} on the training rows only and applies it to both parts. Stateless and thread-safe.
 */
public final class CsvDatasets {

    private CsvDatasets() {
    }

    /**
     * Reads, splits and scales {@code file}.
     *
     * @param validationFraction the share of rows held out for validation, above 0 and below 1; at
     *                           least 1 row goes to each part
     * @param seed               the shuffle seed; the same seed gives the same split
     * @throws DatasetFormatException        if the file cannot be read as {@code options} describe
     * @throws InvalidConfigurationException if the fraction is out of range or the file has too few
     *                                       rows to split
     */
    public static CsvTrainingData load(Path file, CsvOptions options, double validationFraction, Scaling scaling,
                                       long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new InvalidConfigurationException("validationFraction must be above 0 and below 1 but was "
                    + validationFraction + ": give the share of rows to hold out, such as 0.2.");
        }
        CsvData data = CsvDataset.read(file, options);
        Split split = Split.shuffled(data.rows(), validationFraction, seed);
        int[] trainRows = split.train();
        int[] validationRows = split.validation();
        float[] trainFeatures = data.featureRows(trainRows);
        float[] validationFeatures = data.featureRows(validationRows);
        Scaler scaler = Scaler.fit(scaling, trainFeatures, data.featureWidth());
        scaler.transformInPlace(trainFeatures);
        scaler.transformInPlace(validationFeatures);
        Dataset train = Dataset.adopt(trainFeatures, data.featureWidth(), data.targetRows(trainRows),
                data.targetWidth());
        Dataset validation = Dataset.adopt(validationFeatures, data.featureWidth(), data.targetRows(validationRows),
                data.targetWidth());
        return new CsvTrainingData(train, validation, data.classNames(), data.featureNames(), scaler);
    }
}
