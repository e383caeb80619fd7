package dev.backprop.api.optimizer;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.Plugin;

/**
 * A gradient-based update rule: the service interface core calls.
 *
 * <p>An {@code Optimizer} holds only immutable settings ({@link #hyperparameters()}, at least
 * {@value #LEARNING_RATE}). Everything that changes during training lives in an
 * {@link OptimizerState} that core allocates ({@link #stateSlots()} arrays per parameter tensor) and
 * passes to {@link #update}. One instance therefore serves every layer and thread, and checkpoints
 * are exact without any plugin code.
 *
 * <p><b>Shapes and aliasing.</b> {@code parameter}, {@code gradient} and each state slot have the
 * same length; {@code parameter} and the slots are updated in place, {@code gradient} is read only.
 * Nothing is retained. The gradient is the mean-reduced gradient of the batch loss.
 *
 * <p><b>Element-wise.</b> An update of element {@code i} reads and writes element {@code i} of the
 * parameter, the gradient and each slot only. Core relies on this to split one tensor into ranges
 * and update them on several threads at once (after advancing the shared step once).
 *
 * <p><b>Thread-safety.</b> Implementations are immutable; core never updates one element from two
 * threads at once.
 */
public interface Optimizer extends Plugin {

    /** The name of the step-size setting every optimizer accepts. */
    String LEARNING_RATE = "learning_rate";

    /** How many arrays shaped like the parameter the optimizer keeps (SGD 0, momentum 1, Adam 2). */
    int stateSlots();

    /**
     * Updates elements {@code [from, to)} of {@code parameter} in place from {@code gradient}.
     * {@code state.step()} has already been advanced, so it is 1 during the first update.
     */
    void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to);

    /** Updates the whole of {@code parameter}: {@code update(parameter, gradient, state, 0, parameter.length)}. */
    default void update(float[] parameter, float[] gradient, OptimizerState state) {
        update(parameter, gradient, state, 0, parameter.length);
    }

    /** The current learning rate. */
    default double learningRate() {
        return hyperparameters().get(LEARNING_RATE, Double.NaN);
    }

    /**
     * A copy with {@code hyperparameters} applied on top of the current ones. The default accepts only
     * values that change nothing ({@link dev.backprop.api.Settings#requireUnchanged}); a plugin with
     * settings overrides it, usually as {@code settings().apply(this, hyperparameters, YourPlugin::new)}.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException on an unknown name, or a value of the wrong
     *                                                         kind, out of range or not among the choices
     */
    default Optimizer withHyperparameters(Hyperparameters hyperparameters) {
        return settings().requireUnchanged(this, hyperparameters);
    }
}
