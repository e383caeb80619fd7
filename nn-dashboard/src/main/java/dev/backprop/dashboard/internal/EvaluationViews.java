package dev.backprop.dashboard.internal;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.evaluation.ConfusionMatrix;
import java.util.ArrayList;
import java.util.List;

/** The page's view of a {@link ConfusionMatrix}: the counts and each class's precision, recall and F1. */
public final class EvaluationViews {

    private EvaluationViews() {
    }

    /**
     * The view of {@code matrix} with a name per class ({@code 0}, {@code 1}, ... when {@code classNames} is empty).
     *
     * @throws InvalidConfigurationException if there are names but not one per class
     */
    public static Views.Evaluation of(ConfusionMatrix matrix, List<String> classNames) {
        int classes = matrix.classes();
        List<String> names = new ArrayList<>(classNames);
        if (names.isEmpty()) {
            for (int c = 0; c < classes; c++) {
                names.add(Integer.toString(c));
            }
        } else if (names.size() != classes) {
            throw new InvalidConfigurationException("The dashboard needs one name per class: the confusion matrix has "
                    + classes + " classes but " + names.size() + " names were given. Give " + classes
                    + " names, or none to number the classes.");
        }
        long[][] counts = new long[classes][classes];
        double[] precision = new double[classes];
        double[] recall = new double[classes];
        double[] f1 = new double[classes];
        long[] support = new long[classes];
        for (int actual = 0; actual < classes; actual++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                counts[actual][predicted] = matrix.count(actual, predicted);
            }
            precision[actual] = matrix.precision(actual);
            recall[actual] = matrix.recall(actual);
            f1[actual] = matrix.f1(actual);
            support[actual] = matrix.support(actual);
        }
        return new Views.Evaluation(List.copyOf(names), counts, precision, recall, f1, support, matrix.accuracy(),
                matrix.total());
    }
}
