package dev.backprop.optimizers;

import dev.backprop.api.PluginId;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * Checks, once per update, that the gradient and every state slot are shaped like the parameter
 * and that the state has as many slots as the optimizer declares. The cost is constant; a mismatch
 * would otherwise surface as a bare index error deep in a loop, or silently update part of a tensor.
 */
final class UpdateShapes {

    private UpdateShapes() {
    }

    /** @throws ShapeMismatchException naming (also for a range outside the parameter) the optimizer, what was expected and what was found */
    static void require(PluginId optimizer, float[] parameter, float[] gradient, OptimizerState state, int slots,
                        int from, int to) {
        if (from < 0 || to > parameter.length || from > to) {
            throw new ShapeMismatchException("Optimizer '" + optimizer + "' was asked to update elements [" + from + ", "
                    + to + ") of a parameter with " + parameter.length + " values: the range must lie within [0, "
                    + parameter.length + "].", parameter.length, to);
        }
        if (gradient.length != parameter.length) {
            throw new ShapeMismatchException("Optimizer '" + optimizer + "' needs a gradient as long as its parameter ("
                    + parameter.length + " values) but got " + gradient.length
                    + ". Pass the gradient computed for this very parameter tensor.", parameter.length, gradient.length);
        }
        if (state.slotCount() != slots) {
            throw new ShapeMismatchException("Optimizer '" + optimizer + "' keeps " + slots
                    + " state slot(s) per parameter but the state has " + state.slotCount()
                    + ". Create the state with new OptimizerState(optimizer.stateSlots(), size) for this optimizer.",
                    slots, state.slotCount());
        }
        for (int k = 0; k < slots; k++) {
            int length = state.slot(k).length;
            if (length != parameter.length) {
                throw new ShapeMismatchException("Optimizer '" + optimizer + "' needs state slot " + k
                        + " as long as its parameter (" + parameter.length + " values) but it has " + length
                        + ". Create the state with the parameter's size.", parameter.length, length);
            }
        }
    }

    /**
     * The state's 1-based step for a bias correction.
     *
     * @throws IllegalStateException if the step is below 1, that is if core did not advance the state
     *                               before the update
     */
    static long requireStarted(PluginId optimizer, OptimizerState state) {
        long t = state.step();
        if (t < 1) {
            throw new IllegalStateException("Optimizer '" + optimizer + "' needs the 1-based step t >= 1 for its bias"
                    + " correction but the state's step is " + t + ". Call state.advance() before each update.");
        }
        return t;
    }
}
