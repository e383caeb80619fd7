package dev.backprop.io.model;

import dev.backprop.api.BackpropException;
import dev.backprop.api.PluginId;
import dev.backprop.core.network.GradientClipping;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The optional training configuration in a model file (version 2 on): a flag, then the loss and the
 * optimizer (each an id and its settings), then (version 3 on) the loop's settings: epochs, batch size,
 * shuffle, seed, threads, the schedule ({@link ScheduleSection}) and gradient clipping. Reading keeps
 * the values raw; {@link Raw#toTraining} and {@link Raw#toConfig} validate them once the checksum has
 * passed.
 */
final class TrainingSection {

    private TrainingSection() {
    }

    /**
     * Throws a {@link ModelFormatException} before anything is written if {@code config} cannot be stored
     * (a schedule class of the user's own).
     */
    static void requireStorable(TrainingConfig config) {
        ScheduleSection.requireStorable(config.schedule());
    }

    /** Writes the flag, then {@code config} when present. */
    static void write(Optional<TrainingConfig> config, ModelOutput out) throws IOException {
        out.writeBoolean(config.isPresent());
        if (config.isEmpty()) {
            return;
        }
        TrainingConfig training = config.get();
        out.writeUtf(training.loss().value());
        HyperparametersSection.write(training.lossHyperparameters(), out);
        out.writeUtf(training.optimizer().value());
        HyperparametersSection.write(training.optimizerHyperparameters(), out);
        out.writeInt(training.epochs());
        out.writeInt(training.batchSize());
        out.writeBoolean(training.shuffle());
        out.writeLong(training.seed());
        out.writeInt(training.threads());
        ScheduleSection.write(training.schedule(), out);
        out.writeUtf(training.clipping().mode().name());
        out.writeDouble(training.clipping().limit());
    }

    /** Reads the flag and, when set, the configuration as stored. */
    static Optional<Raw> read(ModelInput in, int version) throws IOException {
        if (!in.readBoolean("the training-section flag")) {
            return Optional.empty();
        }
        String owner = "the training section";
        String loss = in.readUtf("the loss id");
        Map<String, Object> lossSettings = HyperparametersSection.read(in, version, "the loss");
        String optimizer = in.readUtf("the optimizer id");
        Map<String, Object> optimizerSettings = EarlierRules.keep(optimizer,
                HyperparametersSection.read(in, version, "the optimizer"), version);
        Optional<RawLoop> loop = Optional.empty();
        if (version >= 3) {
            loop = Optional.of(new RawLoop(in.readInt("the epochs of " + owner),
                    in.readInt("the batch size of " + owner), in.readBoolean("the shuffle flag of " + owner),
                    in.readLong("the seed of " + owner), in.readInt("the thread count of " + owner),
                    ScheduleSection.read(in), in.readUtf("the gradient clipping mode"),
                    in.readDouble("the gradient clipping limit")));
        }
        return Optional.of(new Raw(loss, lossSettings, optimizer, optimizerSettings, loop));
    }

    /** The loop's settings as stored (version 3 on). */
    record RawLoop(int epochs, int batchSize, boolean shuffle, long seed, int threads, ScheduleSection.Raw schedule,
                   String clipping, double limit) {

        TrainingSettings toSettings() {
            ModelLimits.requireIn("the epochs", epochs, 1, ModelLimits.MAX_EPOCHS);
            ModelLimits.requireIn("the batch size", batchSize, 1, ModelLimits.MAX_BATCH_SIZE);
            ModelLimits.requireIn("the thread count", threads, 1, ModelLimits.MAX_THREADS);
            GradientClipping.Mode mode;
            try {
                mode = GradientClipping.Mode.valueOf(clipping);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException("unknown gradient clipping mode '" + clipping + "' (expected NONE,"
                        + " BY_VALUE or BY_NORM).", e);
            }
            return new TrainingSettings(epochs, batchSize, shuffle, seed,
                    TrainingSettings.threadsCappedForThisMachine(threads), schedule.toSchedule(),
                    new GradientClipping(mode, limit));
        }
    }

    /** The training section as stored. */
    record Raw(String loss, Map<String, Object> lossSettings, String optimizer, Map<String, Object> optimizerSettings,
               Optional<RawLoop> loop) {

        /** The loss and optimizer, validated now that the checksum vouches for the bytes. */
        SavedTraining toTraining(Path file) {
            try {
                return new SavedTraining(PluginId.of(loss), HyperparametersSection.toHyperparameters(lossSettings),
                        PluginId.of(optimizer), HyperparametersSection.toHyperparameters(optimizerSettings));
            } catch (BackpropException e) {
                throw new ModelFormatException("Model file " + file + " passes its checksum but its training section"
                        + " is not valid: " + e.getMessage() + " Save the model again.", e);
            }
        }

        /** The whole configuration (version 3 on), validated; empty for older files. */
        Optional<TrainingConfig> toConfig(Path file) {
            if (loop.isEmpty()) {
                return Optional.empty();
            }
            SavedTraining training = toTraining(file);
            try {
                return Optional.of(new TrainingConfig(training.loss(), training.lossHyperparameters(),
                        training.optimizer(), training.optimizerHyperparameters(), loop.get().toSettings()));
            } catch (BackpropException e) {
                throw new ModelFormatException("Model file " + file + " passes its checksum but its training"
                        + " configuration is not valid: " + e.getMessage() + " Save the model again.", e);
            }
        }
    }
}
