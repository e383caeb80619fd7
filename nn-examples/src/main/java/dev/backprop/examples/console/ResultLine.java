package dev.backprop.examples.console;

import java.util.Locale;

/** The one summary line every example ends with: {@code result: example=xor epochs=N loss=L accuracy=A}. */
public final class ResultLine {

    private ResultLine() {
    }

    /** The summary of a classification example. */
    public static String classification(String example, int epochs, double loss, double accuracy) {
        return String.format(Locale.ROOT, "result: example=%s epochs=%d loss=%.6f accuracy=%.3f", example, epochs, loss,
                accuracy);
    }
}
