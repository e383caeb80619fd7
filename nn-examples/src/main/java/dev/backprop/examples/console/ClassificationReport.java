package dev.backprop.examples.console;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.evaluation.ConfusionMatrix;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Prints a {@link ConfusionMatrix} as text: the overall accuracy, a table of precision, recall, F1
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

    private static final String GAP = "  ";

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
        if (matrix.classes() != classNames.size()) {
            throw new InvalidConfigurationException("The report has " + classNames.size() + " class names but the"
                    + " confusion matrix has " + matrix.classes() + " classes: give one name per class, in class"
                    + " order.");
        }
        long correct = 0;
        for (int c = 0; c < matrix.classes(); c++) {
            correct += matrix.count(c, c);
        }
        out.printf(Locale.ROOT, "accuracy %.4f (%d of %d)%n%n", matrix.accuracy(), correct, matrix.total());
        int labelWidth = labelWidth();
        printPerClass(matrix, out, labelWidth);
        out.println();
        printMatrix(matrix, out, labelWidth);
        out.flush();
    }

    private void printPerClass(ConfusionMatrix matrix, PrintWriter out, int labelWidth) {
        int supportWidth = Math.max("support".length(), Long.toString(matrix.total()).length());
        String row = "%-" + labelWidth + "s" + GAP + "%9s" + GAP + "%6s" + GAP + "%6s" + GAP + "%" + supportWidth + "s%n";
        out.printf(Locale.ROOT, row, "class", "precision", "recall", "f1", "support");
        double precisionSum = 0;
        double recallSum = 0;
        double f1Sum = 0;
        for (int c = 0; c < matrix.classes(); c++) {
            out.printf(Locale.ROOT, row, label(c), ratio(matrix.precision(c)), ratio(matrix.recall(c)),
                    ratio(matrix.f1(c)), matrix.support(c));
            precisionSum += matrix.precision(c);
            recallSum += matrix.recall(c);
            f1Sum += matrix.f1(c);
        }
        int classes = matrix.classes();
        out.printf(Locale.ROOT, row, "macro avg", ratio(precisionSum / classes), ratio(recallSum / classes),
                ratio(f1Sum / classes), matrix.total());
    }

    private void printMatrix(ConfusionMatrix matrix, PrintWriter out, int labelWidth) {
        int classes = matrix.classes();
        long largest = 0;
        for (int actual = 0; actual < classes; actual++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                largest = Math.max(largest, matrix.count(actual, predicted));
            }
        }
        int cellWidth = Math.max(Long.toString(largest).length(), Integer.toString(classes - 1).length());
        String cell = GAP + "%" + cellWidth + "s";
        out.println("confusion matrix (rows: actual class, columns: predicted class)");
        StringBuilder header = new StringBuilder(" ".repeat(labelWidth));
        for (int predicted = 0; predicted < classes; predicted++) {
            header.append(String.format(Locale.ROOT, cell, predicted));
        }
        out.println(header);
        for (int actual = 0; actual < classes; actual++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + labelWidth + "s", label(actual)));
            for (int predicted = 0; predicted < classes; predicted++) {
                line.append(String.format(Locale.ROOT, cell, matrix.count(actual, predicted)));
            }
            out.println(line);
        }
    }

    private String label(int c) {
        return c + " " + classNames.get(c);
    }

    private int labelWidth() {
        int width = "macro avg".length();
        for (int c = 0; c < classNames.size(); c++) {
            width = Math.max(width, label(c).length());
        }
        return width;
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
