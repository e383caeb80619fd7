package dev.backprop.core.train;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.internal.ComputeTeam;
import dev.backprop.core.network.GradientClipping;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the training loop runs, apart from what it minimises and how it steps: the number of epochs,
 * the mini-batch size, whether to shuffle each epoch, the run's seed, the threads per step, the
 * learning-rate schedule and gradient clipping. Immutable and validated. A {@link Trainer} takes these
 * with the loss and optimizer objects; a {@link TrainingConfig} adds the plugins' ids and settings
 * for files.
 *
 * <p><b>Thread counts.</b> A count above {@link #maxThreads()} is <em>refused</em> (an
 * {@link InvalidConfigurationException}) wherever it is set: here, by the {@link Builder}, and by the
 * training workspace itself; this is the path for what a user asks for (command-line options, config
 * files). Counts that were right on another machine (read back from a model file or checkpoint saved on a
 * bigger one) should instead go through {@link #threadsCappedForThisMachine(int)} or
 * {@link Builder#threadsCappedForThisMachine(int)}, which <em>clamp</em> to the limit and log a warning.
 *
 * @param epochs    passes over the training data, at least 1
 * @param batchSize examples per gradient step, at least 1
 * @param shuffle   whether each epoch visits the examples in a fresh random order
 * @param seed      the seed of that order and of the dropout masks (same seed, same run)
 * @param threads   threads that compute each step, at least 1 and at most {@link #maxThreads()} (default: the
 *                  available processors); the weights are the same, bit for bit, for any thread count
 * @param schedule  the learning rate of each epoch (default constant)
 * @param clipping  how gradients are limited before each update (default none)
 */
public record TrainingSettings(int epochs, int batchSize, boolean shuffle, long seed, int threads,
                               LearningRateSchedule schedule, GradientClipping clipping) {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingSettings.class);

    /** Validates the counts. */
    public TrainingSettings {
        Objects.requireNonNull(schedule, "learning-rate schedule");
        Objects.requireNonNull(clipping, "gradient clipping");
        if (epochs < 1) {
            throw new InvalidConfigurationException("epochs must be at least 1 but was " + epochs + ".");
        }
        if (batchSize < 1) {
            throw new InvalidConfigurationException("batchSize must be at least 1 but was " + batchSize + ".");
        }
        if (threads < 1) {
            throw new InvalidConfigurationException("threads must be at least 1 but was " + threads
                    + ": use 1 for single-threaded training or the number of cores.");
        }
        ComputeTeam.requireThreads(threads);
    }

    /**
     * The most threads per step this machine allows: {@value ComputeTeam#THREADS_PER_PROCESSOR} per
     * available processor, never fewer than {@value ComputeTeam#MIN_THREAD_LIMIT}. Read each time (a
     * container's processor count can change).
     */
    public static int maxThreads() {
        return ComputeTeam.maxThreads();
    }

    /**
     * {@code requested} clamped to {@link #maxThreads()}, logging a warning when it was above; counts below 1
     * are returned unchanged (and refused by the validation). For counts read back from files saved on
     * another machine: a run resumed here gives the same weights with fewer threads.
     */
    public static int threadsCappedForThisMachine(int requested) {
        int limit = maxThreads();
        if (requested > limit) {
            LOG.warn("Using {} threads per step instead of the {} saved: this machine allows at most {} ({} available"
                    + " processors); the results are the same for any count.", limit, requested, limit,
                    Runtime.getRuntime().availableProcessors());
            return limit;
        }
        return requested;
    }

    /** 10 epochs, batches of 32, shuffled, seed 42, as many threads as processors, constant rate, no clipping. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder().epochs(epochs).batchSize(batchSize).shuffle(shuffle).seed(seed).threads(threads)
                .schedule(schedule).clipping(clipping);
    }

    /** Builds {@link TrainingSettings}. Not thread-safe. */
    public static final class Builder {
        private int epochs = 10;
        private int batchSize = 32;
        private boolean shuffle = true;
        private long seed = 42;
        private int threads = Math.min(Runtime.getRuntime().availableProcessors(), maxThreads());
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private GradientClipping clipping = GradientClipping.none();

        private Builder() {
        }

        /** Passes over the data. */
        public Builder epochs(int count) {
            this.epochs = count;
            return this;
        }

        /** Examples per gradient step. */
        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        /** Whether to shuffle each epoch. */
        public Builder shuffle(boolean enabled) {
            this.shuffle = enabled;
            return this;
        }

        /** The run's seed (shuffles and dropout masks). */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Threads per training step; {@link #build()} refuses a count below 1 or above {@link TrainingSettings#maxThreads()}. */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /**
         * Threads per training step, clamped to {@link TrainingSettings#maxThreads()} with a logged warning
         * ({@link TrainingSettings#threadsCappedForThisMachine(int)}): for counts saved on another machine.
         */
        public Builder threadsCappedForThisMachine(int count) {
            this.threads = TrainingSettings.threadsCappedForThisMachine(count);
            return this;
        }

        /** The learning rate per epoch, for example {@code LearningRateSchedule.cosine(0.0)}. */
        public Builder schedule(LearningRateSchedule learningRateSchedule) {
            this.schedule = Objects.requireNonNull(learningRateSchedule, "schedule");
            return this;
        }

        /** Gradient clipping, for example {@code GradientClipping.byNorm(1.0)}. */
        public Builder clipping(GradientClipping gradientClipping) {
            this.clipping = Objects.requireNonNull(gradientClipping, "clipping");
            return this;
        }

        /** The validated settings. */
        public TrainingSettings build() {
            return new TrainingSettings(epochs, batchSize, shuffle, seed, threads, schedule, clipping);
        }
    }
}
