package dev.backprop.io.model;

import dev.backprop.api.NumericalInstabilityException;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.train.TrainingCheckpoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The last guard before a save: a model or checkpoint holding a NaN or an infinity (in a parameter or
 * in the optimizer state) is never written, so a diverged run cannot replace a good file. The trainer
 * already stops at the step that produced such a value; this catches networks changed by other code.
 */
final class FiniteValues {

    private FiniteValues() {
    }

    /**
     * @throws NumericalInstabilityException naming the first tensor with a non-finite value, before
     *                                       anything is written
     */
    static void require(Path target, Network network, Optional<TrainingCheckpoint> checkpoint) {
        network.firstNonFiniteParameter().ifPresent(found -> refuse(target, found));
        if (checkpoint.isPresent()) {
            List<Parameter> parameters = network.parameters();
            List<OptimizerState> states = checkpoint.get().optimizerStates();
            for (int i = 0; i < states.size(); i++) {
                for (int slot = 0; slot < states.get(i).slotCount(); slot++) {
                    require(target, "the optimizer state (slot " + slot + ") of " + parameters.get(i).name(),
                            states.get(i).slot(slot));
                }
            }
        }
    }

    private static void require(Path target, String what, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                refuse(target, what + " holds " + values[i] + " (at index " + i + ")");
            }
        }
    }

    private static void refuse(Path target, String found) {
        throw new NumericalInstabilityException("Refused to save the model to " + target + ": " + found
                + ". Any previous file there is unchanged; the run diverged, so lower the learning rate or clip the"
                + " gradients and train again.");
    }
}
