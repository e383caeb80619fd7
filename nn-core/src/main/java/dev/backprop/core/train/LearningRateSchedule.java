package dev.backprop.core.train;

import dev.backprop.api.InvalidConfigurationException;

/**
 * The learning rate of each epoch, from the optimizer's configured ({@code initial}) rate. The
 * trainer asks once per epoch and, when the rate changes, gives the optimizer a copy with the new
 * {@code learning_rate}: schedules never touch optimizer state. Implementations are immutable.
 *
 * <p>The built-ins print as run configuration files name them ({@code docs/config-files.md}):
 * {@code constant}, {@code step(every_epochs=10, factor=0.5)}, {@code exponential(decay=0.95)},
 * {@code cosine(minimum_fraction=0.0)} and {@code linear_warmup(warmup_epochs=2, then=constant)}.
 */
public interface LearningRateSchedule {

    /** The rate for {@code epoch} (counted from 1) of {@code epochs}, given the configured rate. */
    double rate(int epoch, int epochs, double initial);

    /** The configured rate throughout (the default). */
    static LearningRateSchedule constant() {
        return new Constant();
    }

    /** Multiplies the rate by {@code factor} every {@code everyEpochs} epochs (Keras' step decay). */
    static LearningRateSchedule step(int everyEpochs, double factor) {
        return new StepDecay(everyEpochs, factor);
    }

    /** {@code initial · decay^(epoch − 1)}. */
    static LearningRateSchedule exponential(double decay) {
        return new ExponentialDecay(decay);
    }

    /**
     * Cosine annealing (Loshchilov &amp; Hutter 2017, one cycle): from the initial rate at epoch 1 to
     * {@code initial · minimumFraction} at the last epoch, {@code min + ½(initial − min)(1 + cos(π·t))}
     * with {@code t = (epoch − 1)/(epochs − 1)}.
     */
    static LearningRateSchedule cosine(double minimumFraction) {
        return new CosineDecay(minimumFraction);
    }

    /**
     * Linear warm-up over the first {@code warmupEpochs} epochs ({@code initial · epoch/(warmup + 1)}),
     * then {@code after} (counted from the end of the warm-up).
     */
    static LearningRateSchedule linearWarmup(int warmupEpochs, LearningRateSchedule after) {
        return new LinearWarmup(warmupEpochs, after);
    }

    /** The constant schedule. */
    record Constant() implements LearningRateSchedule {
        @Override
        public double rate(int epoch, int epochs, double initial) {
            return initial;
        }

        /** {@code constant}. */
        @Override
        public String toString() {
            return "constant";
        }
    }

    /**
     * Step decay.
     *
     * @param everyEpochs the interval, at least 1
     * @param factor      the multiplier, in (0, 1]
     */
    record StepDecay(int everyEpochs, double factor) implements LearningRateSchedule {
        /** Validates the interval and factor. */
        public StepDecay {
            if (everyEpochs < 1 || !(factor > 0 && factor <= 1)) {
                throw new InvalidConfigurationException("A step schedule needs an interval of at least 1 epoch and"
                        + " a factor in (0, 1], found every " + everyEpochs + " epochs and factor " + factor
                        + ": for example step(10, 0.5) halves the rate every 10 epochs.");
            }
        }

        @Override
        public double rate(int epoch, int epochs, double initial) {
            return initial * Math.pow(factor, (epoch - 1) / everyEpochs);
        }

        /** {@code step(every_epochs=10, factor=0.5)}. */
        @Override
        public String toString() {
            return "step(every_epochs=" + everyEpochs + ", factor=" + factor + ")";
        }
    }

    /**
     * Exponential decay.
     *
     * @param decay the per-epoch multiplier, in (0, 1]
     */
    record ExponentialDecay(double decay) implements LearningRateSchedule {
        /** Validates the decay. */
        public ExponentialDecay {
            if (!(decay > 0 && decay <= 1)) {
                throw new InvalidConfigurationException("An exponential schedule needs a decay in (0, 1], found "
                        + decay + ": for example exponential(0.95).");
            }
        }

        @Override
        public double rate(int epoch, int epochs, double initial) {
            return initial * Math.pow(decay, epoch - 1);
        }

        /** {@code exponential(decay=0.95)}. */
        @Override
        public String toString() {
            return "exponential(decay=" + decay + ")";
        }
    }

    /**
     * Cosine annealing.
     *
     * @param minimumFraction the final rate as a fraction of the initial one, in [0, 1]
     */
    record CosineDecay(double minimumFraction) implements LearningRateSchedule {
        /** Validates the fraction. */
        public CosineDecay {
            if (!(minimumFraction >= 0 && minimumFraction <= 1)) {
                throw new InvalidConfigurationException("A cosine schedule needs a final fraction in [0, 1], found "
                        + minimumFraction + ": for example cosine(0.0) anneals to zero.");
            }
        }

        @Override
        public double rate(int epoch, int epochs, double initial) {
            double minimum = initial * minimumFraction;
            double progress = epochs <= 1 ? 0 : (double) (epoch - 1) / (epochs - 1);
            return minimum + 0.5 * (initial - minimum) * (1 + Math.cos(Math.PI * progress));
        }

        /** {@code cosine(minimum_fraction=0.0)}. */
        @Override
        public String toString() {
            return "cosine(minimum_fraction=" + minimumFraction + ")";
        }
    }

    /**
     * Linear warm-up, then another schedule.
     *
     * @param warmupEpochs epochs of warm-up, at least 1
     * @param after        the schedule that follows, counted from the first epoch after the warm-up
     */
    record LinearWarmup(int warmupEpochs, LearningRateSchedule after) implements LearningRateSchedule {
        /** Validates the length and requires the follow-up schedule. */
        public LinearWarmup {
            if (warmupEpochs < 1 || after == null) {
                throw new InvalidConfigurationException("A warm-up needs at least 1 epoch and a schedule to follow,"
                        + " found " + warmupEpochs + " epochs and " + after
                        + ": for example linearWarmup(2, cosine(0.0)).");
            }
        }

        @Override
        public double rate(int epoch, int epochs, double initial) {
            if (epoch <= warmupEpochs) {
                return initial * epoch / (warmupEpochs + 1);
            }
            return after.rate(epoch - warmupEpochs, Math.max(1, epochs - warmupEpochs), initial);
        }

        /** {@code linear_warmup(warmup_epochs=2, then=cosine(minimum_fraction=0.0))}. */
        @Override
        public String toString() {
            return "linear_warmup(warmup_epochs=" + warmupEpochs + ", then=" + after + ")";
        }
    }
}
