package dev.backprop.io.data;

import dev.backprop.core.data.Dataset;
import java.util.List;
import java.util.Objects;

/**
 * What {@link CsvDatasets#load} returns: scaled training and validation sets, the class and feature
 * names, and the scaler fitted on the training rows (to apply to new data and to save with a model).
 *
 * @param train        the training examples, scaled
 * @param validation   the validation examples, scaled with the training statistics
 * @param classNames   the class names in target order; empty for regression
 * @param featureNames the feature columns' names, in feature order
 * @param scaler       the scaler fitted on {@code train}
 */
public record CsvTrainingData(Dataset train, Dataset validation, List<String> classNames,
                              List<String> featureNames, Scaler scaler) {

    /** Requires every part and copies the lists. */
    public CsvTrainingData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(scaler, "scaler");
        classNames = List.copyOf(classNames);
        featureNames = List.copyOf(featureNames);
    }
}
