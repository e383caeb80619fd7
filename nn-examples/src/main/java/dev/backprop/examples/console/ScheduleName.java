package dev.backprop.examples.console;

import dev.backprop.core.train.LearningRateSchedule;
import java.util.Locale;

/**
 * A learning-rate schedule by the name and keys that config files use (docs/config-files.md):
 * {@code constant}, {@code cosine(minimum_fraction=0.02)}, {@code step(every_epochs=10, factor=0.5)},
 * {@code exponential(decay=0.95)}, {@code linear_warmup(warmup_epochs=2, then=cosine(...))}; a schedule
 * of the user's own class by its simple class name. Stateless.
 */
public final class ScheduleName {

    private ScheduleName() {
    }

    /** The documented name of {@code schedule}, with its keys. */
    public static String of(LearningRateSchedule schedule) {
        if (schedule instanceof LearningRateSchedule.Constant) {
            return "constant";
        }
        if (schedule instanceof LearningRateSchedule.CosineDecay cosine) {
            return "cosine(minimum_fraction=" + number(cosine.minimumFraction()) + ")";
        }
        if (schedule instanceof LearningRateSchedule.StepDecay step) {
            return "step(every_epochs=" + step.everyEpochs() + ", factor=" + number(step.factor()) + ")";
        }
        if (schedule instanceof LearningRateSchedule.ExponentialDecay exponential) {
            return "exponential(decay=" + number(exponential.decay()) + ")";
        }
        if (schedule instanceof LearningRateSchedule.LinearWarmup warmup) {
            return "linear_warmup(warmup_epochs=" + warmup.warmupEpochs() + ", then=" + of(warmup.after()) + ")";
        }
        return schedule.getClass().getSimpleName();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%s", value == Math.rint(value) && Math.abs(value) < 1e15
                ? String.valueOf((long) value) : String.valueOf(value));
    }
}
