package dev.backprop.examples.bench;

import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the trainer's own epoch times ({@link EpochReport#seconds()}); epoch 1 is the untimed
 * warm-up, the median of the others is the benchmark's time per epoch.
 */
final class EpochClock implements TrainingListener {

    private final List<Double> timed = new ArrayList<>();

    @Override
    public void onEpochEnd(EpochReport report) {
        if (report.epoch() > 1) {
            timed.add(report.seconds());
        }
    }

    /** The median time of the epochs after the first; NaN before epoch 2 has finished. */
    double medianSeconds() {
        return Median.of(timed.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The times of the timed epochs, in order. */
    List<Double> timedSeconds() {
        return List.copyOf(timed);
    }
}
