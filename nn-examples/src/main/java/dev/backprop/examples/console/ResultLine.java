package dev.backprop.examples.console;

import java.util.Locale;

/**
 * The one summary line every example ends with, easy to grep and parse:
 * {@code result: example=NAME epochs=N loss=L accuracy=A seconds=S} for classification and
 * {@code result: example=NAME epochs=N loss=L rmse=R seconds=S} for regression. {@code loss} is the
 * last epoch's training loss; {@code seconds} the wall-clock time of training and evaluation.
 */
public final class ResultLine {

    private ResultLine() {
    }

    /** The summary of a classification example; {@code accuracy} in [0, 1]. */
    public static String classification(String example, int epochs, double loss, double accuracy, double seconds) {
        return String.format(Locale.ROOT, "result: example=%s epochs=%d loss=%.6f accuracy=%.3f seconds=%.2f", example,
                epochs, loss, accuracy, seconds);
    }

    /** The summary of a regression example; {@code rmse} is the root-mean-square error of its predictions. */
    public static String regression(String example, int epochs, double loss, double rmse, double seconds) {
        return String.format(Locale.ROOT, "result: example=%s epochs=%d loss=%.6f rmse=%.6f seconds=%.2f", example,
                epochs, loss, rmse, seconds);
    }
}
