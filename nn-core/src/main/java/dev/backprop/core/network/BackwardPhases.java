package dev.backprop.core.network;

import dev.backprop.core.internal.MatrixKernels;

/**
 * The phases of the backward pass: per dense layer, from the last, the activation's (and dropout's)
 * backward, the product's backward (which writes the layer's gradients) and the weight penalty's gradient.
 */
final class BackwardPhases {

    private BackwardPhases() {
    }

    /**
     * {@code δ ← f'(Z) ⊙ (mask ⊙ δ)} in place: turns ∂E/∂(dropped A) into ∂E/∂Z ({@code mask} null
     * without dropout). Split by rows.
     */
    record ActivationBackward(DenseLayer layer, float[] z, float[] a, float[] mask, float[] delta, Batch batch)
            implements Phase {

        @Override
        public int shares(int rows, int threads) {
            return Phase.sharesOf((long) rows * layer.fanOut(), ELEMENTS_PER_SHARE, threads);
        }

        @Override
        public void run(int part, int parts) {
            layer.activationBackward(z, a, mask, delta, batch.rows(), part, parts);
        }

        @Override
        public RuntimeException failed(RuntimeException failure) {
            return PluginFailures.activation(layer, "backward pass (derivative)", failure);
        }
    }

    /**
     * Given {@code δ = ∂E/∂Z}: {@code ∂E/∂W = Xᵀ·δ}, {@code ∂E/∂b = Σ_rows δ}, and
     * {@code ∂E/∂X = δ·Wᵀ} into the previous layer's δ ({@code inputDelta} null for the first layer).
     */
    record ProductBackward(MatrixKernels kernels, DenseLayer layer, LayerInput input, float[] delta,
                           float[] weightGradient, float[] biasGradient, float[] inputDelta, Batch batch)
            implements Phase {

        @Override
        public int shares(int rows, int threads) {
            return Phase.sharesOf((long) rows * layer.fanOut() * layer.fanIn(), MULTIPLY_ADDS_PER_SHARE, threads);
        }

        @Override
        public void run(int part, int parts) {
            layer.productBackward(kernels, input.values(), batch.rows(), delta, weightGradient, biasGradient,
                    inputDelta, part, parts);
        }
    }

    /** Adds the weight penalty's gradient {@code l1·sign(W) + 2·l2·W} to {@code ∂E/∂W}. */
    record PenaltyGradient(DenseLayer layer, float[] weightGradient) implements Phase {

        @Override
        public int shares(int rows, int threads) {
            return Phase.sharesOf(weightGradient.length, ELEMENTS_PER_SHARE, threads);
        }

        @Override
        public void run(int part, int parts) {
            layer.penaltyBackward(weightGradient, part, parts);
        }
    }
}
