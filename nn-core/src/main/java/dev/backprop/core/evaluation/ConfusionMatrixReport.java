package dev.backprop.core.evaluation;

import dev.backprop.api.InvalidConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@link ConfusionMatrix} as text, for a program to print or log: the overall accuracy, a table of
 * precision, recall, F1 and support per class (and their macro average), then the matrix itself with
 * actual classes as rows and predicted classes as columns, all right-aligned. Rows are labelled with the
 * class number and name; the matrix's columns with the class number, so that ten classes fit in a
 * terminal. Ratios with a zero denominator show as 0, as {@link ConfusionMatrix} defines them.
 *
 * <pre>
 * accuracy 0.6000 (6 of 10)
 *
 * class      precision  recall      f1  support
 * 0 cat         0.6667  0.8000  0.7273        5
 * 1 dog         0.5000  0.6667  0.5714        3
 * 2 bird        0.0000  0.0000  0.0000        2
 * macro avg     0.3889  0.4889  0.4329       10
 *
 * confusion matrix (rows: actual class, columns: predicted class)
 *            0  1  2
 * 0 cat      4  1  0
 * 1 dog      1  2  0
 * 2 bird     1  1  0
 * </pre>
 *
 * <pre>{@code
 * ConfusionMatrix matrix = ConfusionMatrix.of(network, test);
 * System.out.print(new ConfusionMatrixReport(List.of("cat", "dog", "bird")).format(matrix));
 * }</pre>
 * Immutable; the text never goes anywhere by itself (libraries do not print).
 */
public final class ConfusionMatrixReport {

    private static final String GAP = "  ";
    private static final String MACRO_AVERAGE = "macro avg";

    private final List<String> classNames;

    /**
     * @param classNames one name per class, in class order (copied); an empty name labels its class by
     *                   number alone
     * @throws InvalidConfigurationException if the list is empty
     */
    public ConfusionMatrixReport(List<String> classNames) {
        this.classNames = List.copyOf(classNames);
        if (this.classNames.isEmpty()) {
            throw new InvalidConfigurationException("A classification report needs the names of the classes, but the"
                    + " list is empty: give one name per class, in class order (or use"
                    + " ConfusionMatrixReport.numbered(classes)).");
        }
    }

    /** A report whose {@code classes} classes are labelled by number only. */
    public static ConfusionMatrixReport numbered(int classes) {
        if (classes < 1) {
            throw new InvalidConfigurationException("A classification report needs at least 1 class, found "
                    + classes + ".");
        }
        List<String> blank = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            blank.add("");
        }
        return new ConfusionMatrixReport(blank);
    }

    /** The class names, in class order. */
    public List<String> classNames() {
        return classNames;
    }

    /**
     * The report of {@code matrix}, each line ended by {@link System#lineSeparator()} (as
     * {@code PrintWriter.println} ends them).
     *
     * @throws InvalidConfigurationException if the matrix has another number of classes than there are names
     */
    public String format(ConfusionMatrix matrix) {
        if (matrix.classes() != classNames.size()) {
            throw new InvalidConfigurationException("The report has " + classNames.size() + " class names but the"
                    + " confusion matrix has " + matrix.classes() + " classes: give one name per class, in class"
                    + " order.");
        }
        Lines lines = new Lines();
        long correct = 0;
        for (int c = 0; c < matrix.classes(); c++) {
            correct += matrix.count(c, c);
        }
        lines.add(String.format(Locale.ROOT, "accuracy %.4f (%d of %d)", matrix.accuracy(), correct, matrix.total()));
        lines.add("");
        int labelWidth = labelWidth();
        perClass(matrix, lines, labelWidth);
        lines.add("");
        counts(matrix, lines, labelWidth);
        return lines.toString();
    }

    private void perClass(ConfusionMatrix matrix, Lines lines, int labelWidth) {
        int supportWidth = Math.max("support".length(), Long.toString(matrix.total()).length());
        String row = "%-" + labelWidth + "s" + GAP + "%9s" + GAP + "%6s" + GAP + "%6s" + GAP + "%" + supportWidth + "s";
        lines.add(String.format(Locale.ROOT, row, "class", "precision", "recall", "f1", "support"));
        double precisionSum = 0;
        double recallSum = 0;
        double f1Sum = 0;
        for (int c = 0; c < matrix.classes(); c++) {
            lines.add(String.format(Locale.ROOT, row, label(c), ratio(matrix.precision(c)), ratio(matrix.recall(c)),
                    ratio(matrix.f1(c)), matrix.support(c)));
            precisionSum += matrix.precision(c);
            recallSum += matrix.recall(c);
            f1Sum += matrix.f1(c);
        }
        int classes = matrix.classes();
        lines.add(String.format(Locale.ROOT, row, MACRO_AVERAGE, ratio(precisionSum / classes),
                ratio(recallSum / classes), ratio(f1Sum / classes), matrix.total()));
    }

    private void counts(ConfusionMatrix matrix, Lines lines, int labelWidth) {
        int classes = matrix.classes();
        long largest = 0;
        for (int actual = 0; actual < classes; actual++) {
            for (int predicted = 0; predicted < classes; predicted++) {
                largest = Math.max(largest, matrix.count(actual, predicted));
            }
        }
        int cellWidth = Math.max(Long.toString(largest).length(), Integer.toString(classes - 1).length());
        String cell = GAP + "%" + cellWidth + "s";
        lines.add("confusion matrix (rows: actual class, columns: predicted class)");
        StringBuilder header = new StringBuilder(" ".repeat(labelWidth));
        for (int predicted = 0; predicted < classes; predicted++) {
            header.append(String.format(Locale.ROOT, cell, predicted));
        }
        lines.add(header.toString());
        for (int actual = 0; actual < classes; actual++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-" + labelWidth + "s", label(actual)));
            for (int predicted = 0; predicted < classes; predicted++) {
                line.append(String.format(Locale.ROOT, cell, matrix.count(actual, predicted)));
            }
            lines.add(line.toString());
        }
    }

    private String label(int c) {
        String name = classNames.get(c);
        return name.isEmpty() ? Integer.toString(c) : c + " " + name;
    }

    private int labelWidth() {
        int width = MACRO_AVERAGE.length();
        for (int c = 0; c < classNames.size(); c++) {
            width = Math.max(width, label(c).length());
        }
        return width;
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    /** Text built line by line, each line ended by the platform's separator. */
    private static final class Lines {
        private final StringBuilder text = new StringBuilder();

        void add(String line) {
            text.append(line).append(System.lineSeparator());
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
