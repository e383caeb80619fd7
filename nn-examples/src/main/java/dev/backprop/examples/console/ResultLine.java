package dev.backprop.examples.console;

import java.util.Locale;

/**
 * The one summary line every example ends with, easy to grep and parse, its keys meaning the same in
 * every command:
 * <ul>
 * <li>{@code example}: the command ({@code mnist}, {@code mnist-evaluate}, {@code xor}, ...);</li>
 * <li>{@code epochs}: the epochs the network was trained for;</li>
 * <li>{@code train_loss}: the last epoch's mean training loss (commands that train);</li>
 * <li>{@code test_loss}: the mean loss on the test images (commands that measure a test set);</li>
 * <li>{@code accuracy}: the share of right classes on the examples the command evaluates, which its
 *     output names (the test images, iris's held-out rows, xor's four cases);</li>
 * <li>{@code rmse}: a regression's root-mean-square error on held-out points;</li>
 * <li>{@code seconds}: the wall-clock time of the run.</li>
 * </ul>
 * Losses have 6 decimals, accuracy 3, rmse 6, seconds 2.
 */
public final class ResultLine {

    /** The keys a result line may have, in their order. */
    public static final String KEYS = "example epochs train_loss test_loss accuracy rmse seconds";

    private ResultLine() {
    }

    /** A classifier that trained: {@code result: example=NAME epochs=N train_loss=L accuracy=A seconds=S}. */
    public static String classification(String example, int epochs, double trainLoss, double accuracy, double seconds) {
        return String.format(Locale.ROOT, "result: example=%s epochs=%d train_loss=%.6f accuracy=%.3f seconds=%.2f",
                example, epochs, trainLoss, accuracy, seconds);
    }

    /** A classifier that trained and was measured on a test set: train_loss, then test_loss and accuracy. */
    public static String trainedAndTested(String example, int epochs, double trainLoss, double testLoss,
                                          double accuracy, double seconds) {
        return String.format(Locale.ROOT, "result: example=%s epochs=%d train_loss=%.6f test_loss=%.6f accuracy=%.3f"
                + " seconds=%.2f", example, epochs, trainLoss, testLoss, accuracy, seconds);
    }

    /** A saved classifier measured on a test set, without training: test_loss and accuracy. */
    public static String tested(String example, int epochs, double testLoss, double accuracy, double seconds) {
        return String.format(Locale.ROOT, "result: example=%s epochs=%d test_loss=%.6f accuracy=%.3f seconds=%.2f",
                example, epochs, testLoss, accuracy, seconds);
    }

    /** A regression that trained; {@code rmse} is the root-mean-square error of its held-out predictions. */
    public static String regression(String example, int epochs, double trainLoss, double rmse, double seconds) {
        return String.format(Locale.ROOT, "result: example=%s epochs=%d train_loss=%.6f rmse=%.6f seconds=%.2f",
                example, epochs, trainLoss, rmse, seconds);
    }
}
