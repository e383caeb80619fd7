package dev.backprop.io.model;

import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.network.GradientClipping;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingSettings;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a model file that format version 3 added after the loss and optimizer: the rest of
 * the run's {@link TrainingConfig} (epochs, batch size, shuffling, seed, threads, learning-rate
 * schedule, clipping) and, optionally, the {@link TrainingCheckpoint} a run resumes from (completed
 * epochs, every parameter's optimizer slots and step, the epoch reports). Layout in {@link ModelFiles}.
 *
 * <p>Reading keeps the decoder's order of checks: {@link #read} takes raw values only, and
 * {@link Raw#config} and {@link Raw#checkpoint} give them meaning after the checksum has passed.
 */
final class RunSection {

    /** More than any built-in optimizer uses; a larger count means a corrupted file. */
    private static final int MAX_SLOTS = 64;
    /** Nested schedules (warm-up, then another) deeper than this mean a corrupted file. */
    private static final int MAX_SCHEDULE_DEPTH = 8;

    private RunSection() {
    }

    /**
     * Throws a {@link ModelFormatException} before anything is written if {@code config}'s schedule
     * cannot be stored (a schedule class of the user's own), so a run learns it at its first save.
     */
    static void requireStorable(TrainingConfig config) {
        requireStorable(config.schedule(), 0);
    }

    private static void requireStorable(LearningRateSchedule schedule, int depth) {
        if (schedule instanceof LearningRateSchedule.LinearWarmup warmup && depth < MAX_SCHEDULE_DEPTH) {
            requireStorable(warmup.after(), depth + 1);
        } else if (!(schedule instanceof LearningRateSchedule.Constant
                || schedule instanceof LearningRateSchedule.StepDecay
                || schedule instanceof LearningRateSchedule.ExponentialDecay
                || schedule instanceof LearningRateSchedule.CosineDecay)) {
            throw new ModelFormatException("Cannot store the learning-rate schedule " + schedule + " ("
                    + schedule.getClass().getName() + ") in a model file: only the built-in schedules (constant,"
                    + " step, exponential, cosine, linear warm-up, nested up to " + MAX_SCHEDULE_DEPTH + " deep) can"
                    + " be saved. Use one of them, or save the model without its training configuration.");
        }
    }

    /** Writes the run settings of {@code config} (not its loss and optimizer, which precede them). */
    static void writeSettings(TrainingConfig config, DataOutputStream data) throws IOException {
        data.writeInt(config.epochs());
        data.writeInt(config.batchSize());
        data.writeBoolean(config.shuffle());
        data.writeLong(config.seed());
        data.writeInt(config.threads());
        writeSchedule(config.schedule(), data);
        data.writeUTF(config.clipping().mode().name());
        data.writeDouble(config.clipping().limit());
    }

    private static void writeSchedule(LearningRateSchedule schedule, DataOutputStream data) throws IOException {
        if (schedule instanceof LearningRateSchedule.StepDecay step) {
            data.writeUTF("step");
            data.writeInt(step.everyEpochs());
            data.writeDouble(step.factor());
        } else if (schedule instanceof LearningRateSchedule.ExponentialDecay exponential) {
            data.writeUTF("exponential");
            data.writeDouble(exponential.decay());
        } else if (schedule instanceof LearningRateSchedule.CosineDecay cosine) {
            data.writeUTF("cosine");
            data.writeDouble(cosine.minimumFraction());
        } else if (schedule instanceof LearningRateSchedule.LinearWarmup warmup) {
            data.writeUTF("warmup");
            data.writeInt(warmup.warmupEpochs());
            writeSchedule(warmup.after(), data);
        } else {
            data.writeUTF("constant");
        }
    }

    /** Writes the resume state: a flag, then the checkpoint when present. */
    static void writeCheckpoint(Optional<TrainingCheckpoint> checkpoint, DataOutputStream data) throws IOException {
        data.writeBoolean(checkpoint.isPresent());
        if (checkpoint.isEmpty()) {
            return;
        }
        TrainingCheckpoint state = checkpoint.get();
        data.writeInt(state.completedEpochs());
        data.writeInt(state.optimizerStates().size());
        for (OptimizerState optimizerState : state.optimizerStates()) {
            data.writeInt(optimizerState.slotCount());
            data.writeLong(optimizerState.step());
            for (int k = 0; k < optimizerState.slotCount(); k++) {
                float[] slot = optimizerState.slot(k);
                ModelEncoder.writeFloats(slot, slot.length, data);
            }
        }
        data.writeInt(state.history().size());
        for (EpochReport report : state.history()) {
            data.writeInt(report.epoch());
            data.writeInt(report.epochs());
            data.writeDouble(report.loss());
            data.writeInt(report.examples());
            data.writeDouble(report.seconds());
            data.writeDouble(report.learningRate());
            data.writeDouble(report.accuracy());
            data.writeDouble(report.validationLoss());
            data.writeDouble(report.validationAccuracy());
        }
    }

    /** Reads the run settings as raw values. */
    static RawSettings readSettings(ModelDecoder in) throws IOException {
        int epochs = in.readInt("the epochs of the training configuration");
        int batchSize = in.readInt("the batch size of the training configuration");
        boolean shuffle = in.readBoolean("the shuffle flag of the training configuration");
        long seed = in.readLong("the seed of the training configuration");
        int threads = in.readInt("the thread count of the training configuration");
        RawSchedule schedule = readSchedule(in, 0);
        String clipping = in.readUtf("the gradient clipping mode");
        double limit = in.readDouble("the gradient clipping limit");
        return new RawSettings(epochs, batchSize, shuffle, seed, threads, schedule, clipping, limit);
    }

    private static RawSchedule readSchedule(ModelDecoder in, int depth) throws IOException {
        if (depth > MAX_SCHEDULE_DEPTH) {
            throw in.corrupted("the learning-rate schedule nests more than " + MAX_SCHEDULE_DEPTH + " warm-ups");
        }
        String kind = in.readUtf("the learning-rate schedule");
        return switch (kind) {
            case "step" -> new RawSchedule(kind, in.readInt("the step schedule's interval"),
                    in.readDouble("the step schedule's factor"), null);
            case "exponential" -> new RawSchedule(kind, 0, in.readDouble("the exponential schedule's decay"), null);
            case "cosine" -> new RawSchedule(kind, 0, in.readDouble("the cosine schedule's final fraction"), null);
            case "warmup" -> new RawSchedule(kind, in.readInt("the warm-up's epochs"), 0, readSchedule(in, depth + 1));
            default -> new RawSchedule(kind, 0, 0, null);
        };
    }

    /** Reads the resume state (after its flag) as raw values, sized by the parameters already read. */
    static RawCheckpoint readCheckpoint(ModelDecoder in, List<Parameter> parameters) throws IOException {
        int completed = in.readInt("the completed epochs of the training state");
        int stateCount = in.readCount("the optimizer state count");
        if (stateCount != parameters.size()) {
            throw in.corrupted("the training state holds optimizer state for " + stateCount + " parameters but the"
                    + " model has " + parameters.size());
        }
        List<OptimizerState> states = new ArrayList<>();
        long[] steps = new long[parameters.size()];
        for (int p = 0; p < parameters.size(); p++) {
            Parameter parameter = parameters.get(p);
            int slots = in.readCount("the optimizer slot count of '" + parameter.name() + "'");
            if (slots > MAX_SLOTS) {
                throw in.corrupted("the optimizer state of '" + parameter.name() + "' claims " + slots
                        + " slots (at most " + MAX_SLOTS + " are possible)");
            }
            long step = in.readLong("the optimizer step of '" + parameter.name() + "'");
            in.requireRemaining((long) slots * parameter.size() * Float.BYTES,
                    "the optimizer state of '" + parameter.name() + "'");
            OptimizerState state = new OptimizerState(slots, parameter.size());
            for (int k = 0; k < slots; k++) {
                in.readFloats(state.slot(k), "optimizer slot " + k + " of '" + parameter.name() + "'");
            }
            steps[p] = step;
            states.add(state);
        }
        int epochs = in.readCount("the training history's length");
        in.requireRemaining((long) epochs * (3 * Integer.BYTES + 6L * Double.BYTES), "the training history");
        List<EpochReport> history = new ArrayList<>();
        for (int i = 0; i < epochs; i++) {
            String what = "epoch report " + (i + 1);
            history.add(new EpochReport(in.readInt(what), in.readInt(what), in.readDouble(what), in.readInt(what),
                    in.readDouble(what), in.readDouble(what), in.readDouble(what), in.readDouble(what),
                    in.readDouble(what)));
        }
        return new RawCheckpoint(completed, states, steps, history);
    }

    /** A schedule as stored. */
    record RawSchedule(String kind, int count, double value, RawSchedule after) {

        LearningRateSchedule toSchedule() {
            return switch (kind) {
                case "constant" -> LearningRateSchedule.constant();
                case "step" -> LearningRateSchedule.step(count, value);
                case "exponential" -> LearningRateSchedule.exponential(value);
                case "cosine" -> LearningRateSchedule.cosine(value);
                case "warmup" -> LearningRateSchedule.linearWarmup(count, after.toSchedule());
                default -> throw new ModelFormatException("unknown learning-rate schedule '" + kind
                        + "' (expected constant, step, exponential, cosine or warmup).");
            };
        }
    }

    /** The run settings as stored. */
    record RawSettings(int epochs, int batchSize, boolean shuffle, long seed, int threads, RawSchedule schedule,
                       String clipping, double limit) {

        /** The whole configuration, with the loss and optimizer of {@code training}; validated here. */
        TrainingConfig toConfig(SavedTraining training) {
            GradientClipping.Mode mode;
            try {
                mode = GradientClipping.Mode.valueOf(clipping);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException("unknown gradient clipping mode '" + clipping + "' (expected NONE,"
                        + " BY_VALUE or BY_NORM).", e);
            }
            return new TrainingConfig(training.loss(), training.lossHyperparameters(), training.optimizer(),
                    training.optimizerHyperparameters(), new TrainingSettings(epochs, batchSize, shuffle, seed,
                    threads, schedule.toSchedule(), new GradientClipping(mode, limit)));
        }
    }

    /** The resume state as stored. */
    record RawCheckpoint(int completedEpochs, List<OptimizerState> states, long[] steps, List<EpochReport> history) {

        TrainingCheckpoint toCheckpoint() {
            for (int i = 0; i < states.size(); i++) {
                if (steps[i] < 0) {
                    throw new ModelFormatException("optimizer step counter " + (i + 1) + " is " + steps[i]
                            + ", but steps cannot be negative.");
                }
                states.get(i).restoreStep(steps[i]);
            }
            return new TrainingCheckpoint(completedEpochs, states, history);
        }
    }
}
