package dev.backprop.core.train;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything besides the weights and the configuration that a run needs to go on after a batch as
 * if it had never stopped: how many epochs are done, how far the next epoch got ({@link EpochProgress}:
 * its batches and running loss, accuracy and time; none when the run stopped at an epoch's end), the
 * optimizer's state of every parameter (its slots and step counter) and the reports of the epochs so far.
 *
 * <p>Nothing else is needed because every other random draw is a pure function of the run's seed and
 * the epoch: epoch {@code e}'s shuffle and dropout masks are drawn from generators seeded with
 * {@code seed} and {@code e} (a resume in the middle of an epoch moves the masks' generator past the
 * draws of the batches already trained), and the learning-rate schedule reads the epoch number. So a
 * run stopped after any batch and resumed with {@link Trainer#resume} ends with the same weights, bit
 * for bit, as an uninterrupted one with the same configuration.
 *
 * <p>The checkpoint a {@link TrainingListener#onCheckpoint} call receives holds the trainer's live
 * optimizer states: save or {@link #copy()} it during the call.
 *
 * @param completedEpochs the epochs finished, at least 0
 * @param optimizerStates one state per parameter, in the order of {@code Network.parameters()}
 * @param history         the report of each finished epoch, in order
 * @param currentEpoch    how far epoch {@code completedEpochs + 1} got: {@link EpochProgress#none()} at an
 *                        epoch's end
 */
public record TrainingCheckpoint(int completedEpochs, List<OptimizerState> optimizerStates,
                                 List<EpochReport> history, EpochProgress currentEpoch) {

    /** A checkpoint at the end of epoch {@code completedEpochs} (0 batches into the next). */
    public TrainingCheckpoint(int completedEpochs, List<OptimizerState> optimizerStates, List<EpochReport> history) {
        this(completedEpochs, optimizerStates, history, EpochProgress.none());
    }

    /** Validates the counts and copies the lists (not the states). */
    public TrainingCheckpoint {
        Objects.requireNonNull(currentEpoch, "current epoch");
        if (completedEpochs < 0) {
            throw new InvalidConfigurationException("A checkpoint's completed epochs must be at least 0, found "
                    + completedEpochs + ".");
        }
        optimizerStates = List.copyOf(Objects.requireNonNull(optimizerStates, "optimizer states"));
        history = List.copyOf(Objects.requireNonNull(history, "history"));
        if (history.size() != completedEpochs) {
            throw new InvalidConfigurationException("A checkpoint after " + completedEpochs + " epochs needs one"
                    + " report per epoch, found " + history.size() + ".");
        }
    }

    /** A deep copy whose optimizer states no longer change with training. */
    public TrainingCheckpoint copy() {
        List<OptimizerState> copies = new ArrayList<>();
        for (OptimizerState state : optimizerStates) {
            copies.add(copyOf(state));
        }
        return new TrainingCheckpoint(completedEpochs, copies, history, currentEpoch);
    }

    /** Whether the run stopped inside an epoch, after some of its batches. */
    public boolean midEpoch() {
        return currentEpoch.started();
    }

    /**
     * Where the run stands, for messages: {@code "after epoch 3"}, or {@code "after batch 5 of epoch 4"}
     * when it stopped inside an epoch.
     */
    public String position() {
        return midEpoch() ? "after batch " + currentEpoch.batches() + " of epoch " + (completedEpochs + 1)
                : "after epoch " + completedEpochs;
    }

    /**
     * Checks that these states fit {@code parameters}: one state per parameter, each slot as long as
     * its parameter.
     *
     * @throws ShapeMismatchException if the counts or sizes differ, saying which parameter
     */
    public void requireFits(List<Parameter> parameters) {
        if (optimizerStates.size() != parameters.size()) {
            throw new ShapeMismatchException("The checkpoint holds optimizer state for " + optimizerStates.size()
                    + " parameters but the network has " + parameters.size() + ": use the network the"
                    + " checkpoint was saved with.", parameters.size(), optimizerStates.size());
        }
        for (int i = 0; i < parameters.size(); i++) {
            OptimizerState state = optimizerStates.get(i);
            Parameter parameter = parameters.get(i);
            for (int k = 0; k < state.slotCount(); k++) {
                if (state.slot(k).length != parameter.size()) {
                    throw new ShapeMismatchException("The checkpoint's optimizer state for " + parameter.name()
                            + " holds " + state.slot(k).length + " values per slot but the parameter has "
                            + parameter.size() + ": use the network the checkpoint was saved with.",
                            parameter.size(), state.slot(k).length);
                }
            }
        }
    }

    /**
     * As {@link #requireFits(List)}, and every state has the {@code slots} slots of optimizer {@code optimizerId}.
     */
    void requireFits(List<Parameter> parameters, int slots, String optimizerId) {
        requireFits(parameters);
        for (int i = 0; i < parameters.size(); i++) {
            OptimizerState state = optimizerStates.get(i);
            if (state.slotCount() != slots) {
                throw new ShapeMismatchException("The checkpoint's optimizer state for " + parameters.get(i).name()
                        + " has " + state.slotCount() + " slots but optimizer '" + optimizerId + "' uses " + slots
                        + ": resume with the optimizer the checkpoint was saved with.", slots, state.slotCount());
            }
        }
    }

    static OptimizerState copyOf(OptimizerState state) {
        int size = state.slotCount() == 0 ? 0 : state.slot(0).length;
        OptimizerState copy = new OptimizerState(state.slotCount(), size);
        for (int k = 0; k < state.slotCount(); k++) {
            System.arraycopy(state.slot(k), 0, copy.slot(k), 0, size);
        }
        copy.restoreStep(state.step());
        return copy;
    }
}
