package dev.backprop.core.train;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.PluginId;
import dev.backprop.api.optimizer.Optimizer;
import java.util.Objects;

/**
 * How to train: the loss and optimizer (by id, with settings), the number of epochs, the mini-batch
 * size, whether to shuffle each epoch, and the seed of the shuffling. Immutable and validated.
 *
 * @param loss                     the loss id ({@code mse}, {@code categorical_cross_entropy}, ...)
 * @param lossHyperparameters      settings of the loss
 * @param optimizer                the optimizer id ({@code sgd}, {@code momentum}, {@code adam}, ...)
 * @param optimizerHyperparameters settings of the optimizer ({@code learning_rate}, ...)
 * @param epochs                   passes over the training data, at least 1
 * @param batchSize                examples per gradient step, at least 1
 * @param shuffle                  whether each epoch visits the examples in a fresh random order
 * @param seed                     the seed of that order and of the dropout masks (same seed, same run)
 * @param threads                  threads that compute each step, at least 1 (default: the available
 *                                 processors); the weights are the same, bit for bit, for any thread count
 * @param schedule                 the learning rate of each epoch (default constant)
 * @param clipping                 how gradients are limited before each update (default none)
 */
public record TrainingConfig(PluginId loss, Hyperparameters lossHyperparameters, PluginId optimizer,
                             Hyperparameters optimizerHyperparameters, int epochs, int batchSize, boolean shuffle,
                             long seed, int threads, LearningRateSchedule schedule, GradientClipping clipping) {

    /** Validates the counts and requires the ids. */
    public TrainingConfig {
        Objects.requireNonNull(loss, "loss id");
        Objects.requireNonNull(lossHyperparameters, "loss hyperparameters");
        Objects.requireNonNull(optimizer, "optimizer id");
        Objects.requireNonNull(optimizerHyperparameters, "optimizer hyperparameters");
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
    }

    /**
     * A builder starting from {@code mse}, {@code sgd}, 10 epochs, batches of 32, shuffled, seed 42,
     * as many threads as available processors.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TrainingConfig}. Not thread-safe. */
    public static final class Builder {
        private PluginId loss = PluginId.of("mse");
        private Hyperparameters lossHyperparameters = Hyperparameters.none();
        private PluginId optimizer = PluginId.of("sgd");
        private Hyperparameters optimizerHyperparameters = Hyperparameters.none();
        private int epochs = 10;
        private int batchSize = 32;
        private boolean shuffle = true;
        private long seed = 42;
        private int threads = Runtime.getRuntime().availableProcessors();
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private GradientClipping clipping = GradientClipping.none();

        private Builder() {
        }

        /** The loss, by id. */
        public Builder loss(String id) {
            return loss(id, Hyperparameters.none());
        }

        /** The loss, by id, with settings. */
        public Builder loss(String id, Hyperparameters hyperparameters) {
            this.loss = PluginId.of(id);
            this.lossHyperparameters = Objects.requireNonNull(hyperparameters);
            return this;
        }

        /** The optimizer, by id, with its default settings. */
        public Builder optimizer(String id) {
            return optimizer(id, Hyperparameters.none());
        }

        /** The optimizer, by id, with settings. */
        public Builder optimizer(String id, Hyperparameters hyperparameters) {
            this.optimizer = PluginId.of(id);
            this.optimizerHyperparameters = Objects.requireNonNull(hyperparameters);
            return this;
        }

        /** Sets the optimizer's {@code learning_rate}. */
        public Builder learningRate(double learningRate) {
            this.optimizerHyperparameters = optimizerHyperparameters.with(Optimizer.LEARNING_RATE, learningRate);
            return this;
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

        /** The shuffling seed. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Threads per training step. */
        public Builder threads(int count) {
            this.threads = count;
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

        /** The validated configuration. */
        public TrainingConfig build() {
            return new TrainingConfig(loss, lossHyperparameters, optimizer, optimizerHyperparameters, epochs, batchSize,
                    shuffle, seed, threads, schedule, clipping);
        }
    }
}
