package dev.backprop.examples.console;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.evaluation.ConfusionMatrixReport;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints a {@link ConfusionMatrix} as text, through the library's {@link ConfusionMatrixReport}: the overall accuracy, a table of precision, recall, F1
 * and support per class (and their macro average), then the matrix itself with actual classes as rows
 * and predicted classes as columns, all right-aligned. Rows are labelled with the class number and
 * name; the matrix's columns with the class number, so that ten classes fit in a terminal.
 *
 * <pre>
 * accuracy 0.6000 (6 of 10)
 *
 * class      precision  recall      f1  support
 * 0 cat         0.6667  0.8000  0.7273        5
 * ...
 * </pre>
 *
 * Ratios with a zero denominator print as 0, as {@link ConfusionMatrix} defines them.
 */
public final class ClassificationReport {

    /** The ten Fashion-MNIST classes, by label. */
    public static final List<String> FASHION_MNIST_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress",
            "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    private final List<String> classNames;

    /** @param classNames one name per class, in class order (copied) */
    public ClassificationReport(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
        if (this.classNames.isEmpty()) {
            throw new InvalidConfigurationException("A classification report needs the names of the classes, but the"
                    + " list is empty: give one name per class, in class order.");
        }
    }

    /** The class names, in class order. */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * Prints the report of {@code matrix} to {@code out} (and flushes it).
     *
     * @throws InvalidConfigurationException if the matrix has another number of classes than there are names
     */
    public void print(ConfusionMatrix matrix, PrintWriter out) {
        out.print(new ConfusionMatrixReport(classNames).format(matrix));
        out.flush();
    }
}
