package dev.backprop.api.init;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.Plugin;
import java.util.random.RandomGenerator;

/**
 * Draws a dense layer's initial weights: the service interface core calls once per layer when a
 * network is built. Biases always start at zero.
 *
 * <p><b>Shapes.</b> {@code weights} holds {@code fanIn × fanOut} values row-major (row {@code i}: the
 * weights leaving input {@code i}); every value must be written.
 *
 * <p><b>Determinism.</b> All randomness comes from {@code random}, which core seeds from the network's
 * seed: the same seed gives the same weights. Implementations are immutable and thread-safe and
 * never retain the array.
 */
public interface WeightInitializer extends Plugin {

    /** Fills {@code weights} ({@code fanIn × fanOut}) from {@code random}. */
    void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random);

    /**
     * A copy with {@code hyperparameters} applied on top of the current ones. The default accepts only
     * values that change nothing ({@link dev.backprop.api.Settings#requireUnchanged}); a plugin with
     * settings overrides it, usually as {@code settings().apply(this, hyperparameters, YourPlugin::new)}.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException on an unknown name, or a value of the wrong
     *                                                         kind, out of range or not among the choices
     */
    default WeightInitializer withHyperparameters(Hyperparameters hyperparameters) {
        return settings().requireUnchanged(this, hyperparameters);
    }
}
