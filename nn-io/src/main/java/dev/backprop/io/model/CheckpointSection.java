package dev.backprop.io.model;

import dev.backprop.api.BackpropException;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.train.EpochProgress;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingCheckpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The optional state to resume training from (version 3 on): a flag, then the completed epochs, every
 * parameter's optimizer state (slot count, step, slots), one report per finished epoch, its seconds
 * written as {@value #UNTIMED} (wall-clock time is not saved, so equal runs give equal files), and
 * (version 6 on) the progress of the epoch after the completed ones: its batches trained, running loss
 * sum and correct count, and its seconds, also written as {@value #UNTIMED}. A file older than version 6
 * stopped at an epoch's end: it reads as 0 batches into the next epoch. Reading sizes the slots by the
 * parameters already read and checks the file has the bytes before allocating; {@link Raw#toCheckpoint}
 * validates the values once the checksum has passed.
 */
final class CheckpointSection {

    /** More than any built-in optimizer uses; a larger count means a corrupted file. */
    private static final int MAX_SLOTS = 64;
    /** The first format version that stores the progress of an unfinished epoch. */
    static final int EPOCH_PROGRESS_VERSION = 6;
    /** The bytes of one stored epoch report: three ints and six doubles. */
    private static final long REPORT_BYTES = 3L * Integer.BYTES + 6L * Double.BYTES;
    /**
     * The seconds written for every epoch report: wall-clock times are left out of the file so that the
     * same run (same seed and threads) saves the same bytes; the field stays, so the layout is unchanged.
     */
    static final double UNTIMED = 0.0;

    private CheckpointSection() {
    }

    /** Writes the flag, then {@code checkpoint} when present. */
    static void write(Optional<TrainingCheckpoint> checkpoint, ModelOutput out) throws IOException {
        out.writeBoolean(checkpoint.isPresent());
        if (checkpoint.isEmpty()) {
            return;
        }
        TrainingCheckpoint state = checkpoint.get();
        out.writeInt(state.completedEpochs());
        out.writeInt(state.optimizerStates().size());
        for (OptimizerState optimizerState : state.optimizerStates()) {
            out.writeInt(optimizerState.slotCount());
            out.writeLong(optimizerState.step());
            for (int k = 0; k < optimizerState.slotCount(); k++) {
                float[] slot = optimizerState.slot(k);
                out.writeFloats(slot, slot.length);
            }
        }
        out.writeInt(state.history().size());
        for (EpochReport report : state.history()) {
            out.writeInt(report.epoch());
            out.writeInt(report.epochs());
            out.writeDouble(report.loss());
            out.writeInt(report.examples());
            out.writeDouble(UNTIMED);   // wall-clock time would make two identical runs differ
            out.writeDouble(report.learningRate());
            out.writeDouble(report.accuracy());
            out.writeDouble(report.validationLoss());
            out.writeDouble(report.validationAccuracy());
        }
        EpochProgress progress = state.currentEpoch();
        out.writeInt(progress.batches());
        out.writeDouble(progress.lossSum());
        out.writeInt(progress.correct());
        out.writeDouble(UNTIMED);   // as the reports' seconds
    }

    /**
     * Reads the flag and, when set, the state as stored in a file of {@code version}, sized by
     * {@code parameters}.
     */
    static Optional<Raw> read(ModelInput in, List<Parameter> parameters, int version) throws IOException {
        if (!in.readBoolean("the training-state flag")) {
            return Optional.empty();
        }
        int completed = in.readCount("the completed epochs of the training state", 0, ModelLimits.MAX_EPOCHS);
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
        int epochs = in.readCount("the training history's length", 0, ModelLimits.MAX_EPOCHS);
        in.requireRemaining(epochs * REPORT_BYTES, "the training history");
        List<EpochReport> history = new ArrayList<>();
        for (int i = 0; i < epochs; i++) {
            String what = "epoch report " + (i + 1);
            history.add(new EpochReport(in.readInt(what), in.readInt(what), in.readDouble(what), in.readInt(what),
                    in.readDouble(what), in.readDouble(what), in.readDouble(what), in.readDouble(what),
                    in.readDouble(what)));
        }
        Progress progress = version >= EPOCH_PROGRESS_VERSION
                ? new Progress(in.readInt("the current epoch's batches"), in.readDouble("the current epoch's loss sum"),
                        in.readInt("the current epoch's correct count"), in.readDouble("the current epoch's seconds"))
                : new Progress(0, 0, 0, 0);
        return Optional.of(new Raw(completed, states, steps, history, progress));
    }

    /** The unfinished epoch's progress as stored; validated by {@link Raw#toCheckpoint}. */
    record Progress(int batches, double lossSum, int correct, double seconds) {
    }

    /** The resume state as stored. */
    record Raw(int completedEpochs, List<OptimizerState> states, long[] steps, List<EpochReport> history,
               Progress progress) {

        /** The checkpoint, validated now that the checksum vouches for the bytes. */
        TrainingCheckpoint toCheckpoint(Path file) {
            try {
                for (int i = 0; i < states.size(); i++) {
                    if (steps[i] < 0) {
                        throw new ModelFormatException("optimizer step counter " + (i + 1) + " is " + steps[i]
                                + ", but steps cannot be negative.");
                    }
                    states.get(i).restoreStep(steps[i]);
                }
                for (int i = 0; i < history.size(); i++) {
                    EpochReport report = history.get(i);
                    String which = "epoch report " + (i + 1) + "'s ";
                    ModelLimits.requireIn(which + "epoch", report.epoch(), 1, ModelLimits.MAX_EPOCHS);
                    ModelLimits.requireIn(which + "planned epochs", report.epochs(), 1, ModelLimits.MAX_EPOCHS);
                    ModelLimits.requireIn(which + "example count", report.examples(), 0, Integer.MAX_VALUE);
                }
                ModelLimits.requireIn("the current epoch's batch count", progress.batches(), 0, Integer.MAX_VALUE);
                ModelLimits.requireIn("the current epoch's correct count", progress.correct(), 0, Integer.MAX_VALUE);
                if (!Double.isFinite(progress.lossSum()) || !Double.isFinite(progress.seconds())) {
                    throw new ModelFormatException("the current epoch's loss sum is " + progress.lossSum()
                            + " and its seconds " + progress.seconds() + ", but both must be finite.");
                }
                return new TrainingCheckpoint(completedEpochs, states, history, new EpochProgress(progress.batches(),
                        progress.lossSum(), progress.correct(), progress.seconds()));
            } catch (BackpropException e) {
                throw new ModelFormatException("Model file " + file + " passes its checksum but its training state is"
                        + " not valid: " + e.getMessage() + " Save the checkpoint again.", e);
            }
        }
    }
}
