package dev.backprop.examples.bench;

import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints one human-readable line per epoch (to stderr, so that stdout stays pure TSV). */
final class BenchProgress implements TrainingListener {

    private final PrintWriter err;

    /** @param err where to print */
    BenchProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        err.printf(Locale.ROOT, "  epoch %d/%d: %.3f s for %d examples, loss %.6f%s%n", report.epoch(),
                report.epochs(), report.seconds(), report.examples(), report.loss(),
                report.epoch() == 1 ? " (warm-up, untimed)" : " (timed)");
        err.flush();
    }
}
