package dev.backprop.io.data;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A CSV file made ready for training by {@link #load}: scaled training and validation sets, the class
 * and feature names, and the scaler fitted on the training rows (to apply to new data and to save
 * with a model).
 *
 * @param train        the training examples, scaled
 * @param validation   the validation examples, scaled with the training statistics
 * @param classNames   the class names in target order; empty for regression
 * @param featureNames the feature columns' names, in feature order
 * @param scaler       the scaler fitted on {@code train}
 */
public record CsvTrainingSplit(Dataset train, Dataset validation, List<String> classNames,
                               List<String> featureNames, Scaler scaler) {

    /** Requires every part and copies the lists. */
    public CsvTrainingSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(scaler, "scaler");
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
    }

    /**
     * Reads {@code file} with {@link CsvTableReader#read}, splits the rows with
     * {@link Split#shuffled(int, double, long)}, fits a {@link Scaler} on the training rows only and
     * applies it to both parts. Stateless and thread-safe.
     *
     * @param validationFraction the share of rows held out for validation, above 0 and below 1; at
     *                           least 1 row goes to each part
     * @param seed               the shuffle seed; the same seed gives the same split
     * @throws DatasetFormatException        if the file cannot be read as {@code options} describe
     * @throws InvalidConfigurationException if the fraction is out of range or the file has too few
     *                                       rows to split
     */
    public static CsvTrainingSplit load(Path file, CsvReadOptions options, double validationFraction,
                                        Scaling scaling, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new InvalidConfigurationException("validationFraction must be above 0 and below 1 but was "
                    + validationFraction + ": give the share of rows to hold out, such as 0.2.");
        }
        CsvTable table = CsvTableReader.read(file, options);
        Split split = Split.shuffled(table.rows(), validationFraction, seed);
        int[] trainRows = split.train();
        int[] validationRows = split.validation();
        float[] trainFeatures = table.featureRows(trainRows);
        float[] validationFeatures = table.featureRows(validationRows);
        Scaler scaler = Scaler.fit(scaling, trainFeatures, table.featureWidth());
        scaler.transformInPlace(trainFeatures);
        scaler.transformInPlace(validationFeatures);
        Dataset train = Dataset.adopt(trainFeatures, table.featureWidth(), table.targetRows(trainRows),
                table.targetWidth());
        Dataset validation = Dataset.adopt(validationFeatures, table.featureWidth(),
                table.targetRows(validationRows), table.targetWidth());
        return new CsvTrainingSplit(train, validation, table.classNames(), table.featureNames(), scaler);
    }
}
