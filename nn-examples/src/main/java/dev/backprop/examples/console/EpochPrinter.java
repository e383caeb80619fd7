package dev.backprop.examples.console;

import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints the training loss every {@code every} epochs (and after the first and last); a loss that is not
 * finite prints as {@code nan}, {@code inf} or {@code -inf}.
 */
public final class EpochPrinter implements TrainingListener {

    private final PrintWriter out;
    private final int every;

    /**
     * @param out   where to print
     * @param every the interval in epochs, at least 1
     */
    public EpochPrinter(PrintWriter out, int every) {
        this.out = out;
        this.every = Math.max(1, every);
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        if (report.epoch() == 1 || report.epoch() % every == 0 || report.epoch() == report.epochs()) {
            out.printf(Locale.ROOT, "epoch %" + digits(report.epochs()) + "d/%d  loss=%s  (%.1f ms)%n", report.epoch(),
                    report.epochs(), Figure.format("%.6f", report.loss()), report.seconds() * 1000);
            out.flush();
        }
    }

    private static int digits(int value) {
        return Integer.toString(value).length();
    }
}
