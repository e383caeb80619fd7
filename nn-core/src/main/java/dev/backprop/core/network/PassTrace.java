package dev.backprop.core.network;

import java.util.List;

/**
 * A copy of everything one training pass computed, by the seed's names, for teaching and debugging:
 * per dense layer its weighted sums {@code z = x·W + b}, its activations {@code a = f(z)} and its
 * {@code δ = ∂E/∂z}, and the loss {@code E} and the gradients {@code ∂E/∂θ}. Made by
 * {@link TrainingStep#trace()} after {@link TrainingStep#gradients}; it copies the step's buffers, so
 * it stays valid after the next step (and costs what the copies cost: not for the training loop).
 *
 * @param layers    from the input's side
 * @param loss      the batch loss {@code E}, weight penalties included
 * @param gradients {@code ∂E/∂θ} for every parameter (a copy)
 */
public record PassTrace(List<Layer> layers, double loss, Gradients gradients) {

    /** Makes an immutable list of the layers. */
    public PassTrace {
        layers = List.copyOf(layers);
    }

    /**
     * One dense layer's values over the batch, one row per example.
     *
     * @param name       {@code dense_1}, {@code dense_2}, ... (its parameters' prefix)
     * @param activation the activation's id
     * @param z          the weighted sums {@code z = x·W + b}
     * @param a          the activations {@code a = f(z)} (before any dropout)
     * @param delta      {@code δ = ∂E/∂z}
     */
    public record Layer(String name, String activation, float[][] z, float[][] a, float[][] delta) {
    }
}
