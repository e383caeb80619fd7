package dev.backprop.core.train;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.network.GradientClipping;
import java.util.Objects;

/**
 * A whole training run as it is written down (config files, model files, checkpoints): the loss and
 * optimizer by id with their settings, and the loop's {@link TrainingSettings}. Immutable and
 * validated. A {@link Trainer} runs with the plugin objects themselves and describes itself with
 * {@link #describing}, so what is saved always names the plugins that actually trained.
 *
 * @param loss                     the loss id ({@code mse}, {@code categorical_cross_entropy}, ...)
 * @param lossHyperparameters      settings of the loss
 * @param optimizer                the optimizer id ({@code sgd}, {@code momentum}, {@code adam}, ...)
 * @param optimizerHyperparameters settings of the optimizer ({@code learning_rate}, ...)
 * @param settings                 epochs, batch size, shuffling, seed, threads, schedule, clipping
 */
public record TrainingConfig(PluginId loss, Hyperparameters lossHyperparameters, PluginId optimizer,
                             Hyperparameters optimizerHyperparameters, TrainingSettings settings) {

    /** Requires every part. */
    public TrainingConfig {
        Objects.requireNonNull(loss, "loss id");
        Objects.requireNonNull(lossHyperparameters, "loss hyperparameters");
        Objects.requireNonNull(optimizer, "optimizer id");
        Objects.requireNonNull(optimizerHyperparameters, "optimizer hyperparameters");
        Objects.requireNonNull(settings, "training settings");
    }

    /** The run that {@code loss} and {@code optimizer}, with their current settings, train under {@code settings}. */
    public static TrainingConfig describing(Loss loss, Optimizer optimizer, TrainingSettings settings) {
        return new TrainingConfig(loss.id(), loss.hyperparameters(), optimizer.id(), optimizer.hyperparameters(),
                settings);
    }

    /** A copy with other loop settings. */
    public TrainingConfig withSettings(TrainingSettings newSettings) {
        return new TrainingConfig(loss, lossHyperparameters, optimizer, optimizerHyperparameters, newSettings);
    }

    /** Passes over the training data ({@link TrainingSettings#epochs}). */
    public int epochs() {
        return settings.epochs();
    }

    /** Examples per gradient step ({@link TrainingSettings#batchSize}). */
    public int batchSize() {
        return settings.batchSize();
    }

    /** Whether each epoch is shuffled ({@link TrainingSettings#shuffle}). */
    public boolean shuffle() {
        return settings.shuffle();
    }

    /** The run's seed ({@link TrainingSettings#seed}). */
    public long seed() {
        return settings.seed();
    }

    /** Threads per step ({@link TrainingSettings#threads}). */
    public int threads() {
        return settings.threads();
    }

    /** The learning-rate schedule ({@link TrainingSettings#schedule}). */
    public LearningRateSchedule schedule() {
        return settings.schedule();
    }

    /** Gradient clipping ({@link TrainingSettings#clipping}). */
    public GradientClipping clipping() {
        return settings.clipping();
    }

    /**
     * A builder starting from {@code mse}, {@code sgd} and the defaults of {@link TrainingSettings#builder()}.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from this configuration (its loss and optimizer with their settings, and its
     * loop settings), to change a few values:
     * {@code config.toBuilder().epochs(config.epochs() + 10).build()}.
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds a {@link TrainingConfig}. Not thread-safe. */
    public static final class Builder {
        private PluginId loss = PluginId.of("mse");
        private Hyperparameters lossHyperparameters = Hyperparameters.none();
        private PluginId optimizer = PluginId.of("sgd");
        private Hyperparameters optimizerHyperparameters = Hyperparameters.none();
        private final TrainingSettings.Builder settings;

        private Builder() {
            settings = TrainingSettings.builder();
        }

        private Builder(TrainingConfig from) {
            loss = from.loss;
            lossHyperparameters = from.lossHyperparameters;
            optimizer = from.optimizer;
            optimizerHyperparameters = from.optimizerHyperparameters;
            settings = from.settings.toBuilder();
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
            settings.epochs(count);
            return this;
        }

        /** Examples per gradient step. */
        public Builder batchSize(int size) {
            settings.batchSize(size);
            return this;
        }

        /** Whether to shuffle each epoch. */
        public Builder shuffle(boolean enabled) {
            settings.shuffle(enabled);
            return this;
        }

        /** The run's seed. */
        public Builder seed(long value) {
            settings.seed(value);
            return this;
        }

        /** Threads per training step. */
        public Builder threads(int count) {
            settings.threads(count);
            return this;
        }

        /** The learning rate per epoch, for example {@code LearningRateSchedule.cosine(0.0)}. */
        public Builder schedule(LearningRateSchedule learningRateSchedule) {
            settings.schedule(learningRateSchedule);
            return this;
        }

        /** Gradient clipping, for example {@code GradientClipping.byNorm(1.0)}. */
        public Builder clipping(GradientClipping gradientClipping) {
            settings.clipping(gradientClipping);
            return this;
        }

        /** The validated configuration. */
        public TrainingConfig build() {
            return new TrainingConfig(loss, lossHyperparameters, optimizer, optimizerHyperparameters, settings.build());
        }
    }
}
