package dev.backprop.api.loss;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.Plugin;

/**
 * A loss {@code E(predicted, target)} over a mini-batch: the service interface core calls.
 *
 * <p><b>Shapes.</b> {@code predicted} and {@code gradient} hold {@code batchSize × width} values
 * row-major, {@code target} holds {@code batchSize × targetWidth(width)}; only those first elements are
 * read or written.
 *
 * <p><b>Reduction.</b> {@link #evaluate} returns one number per batch, and {@code gradient} must be
 * the exact derivative of that number: {@code gradient[i] = ∂E/∂predicted[i]}. Each loss documents
 * how it averages (for example mean squared error averages over every element, cross-entropy sums
 * over classes and averages over examples), and the network's gradient follows from it.
 *
 * <p><b>Aliasing.</b> Arrays belong to the caller and are never retained; {@code gradient} is
 * overwritten, never accumulated into, and must not alias the inputs.
 *
 * <p><b>Thread-safety.</b> Implementations are immutable.
 */
public interface Loss extends Plugin {

    /**
     * Computes the batch loss and writes {@code ∂E/∂predicted} into {@code gradient}.
     *
     * @return the loss of the batch, reduced as the implementation documents
     */
    double evaluate(float[] predicted, float[] target, int batchSize, int width, float[] gradient);

    /**
     * How many target values per example this loss reads, given the network's output width: the output
     * width itself (the default: one target per output), or 1 for losses that take an integer class
     * label per example ({@code sparse_categorical_cross_entropy}).
     */
    default int targetWidth(int outputWidth) {
        return outputWidth;
    }

    /**
     * A copy with {@code hyperparameters} applied on top of the current ones. The default accepts only
     * values that change nothing ({@link dev.backprop.api.Settings#requireUnchanged}); a plugin with
     * settings overrides it, usually as {@code settings().apply(this, hyperparameters, YourPlugin::new)}.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException on an unknown name, or a value of the wrong
     *                                                         kind, out of range or not among the choices
     */
    default Loss withHyperparameters(Hyperparameters hyperparameters) {
        return settings().requireUnchanged(this, hyperparameters);
    }
}
