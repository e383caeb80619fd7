package dev.backprop.core.network;

import dev.backprop.core.internal.MatrixKernels;

/**
 * The phases of the backward pass: zeroing the gradients, then per dense layer, from the last, the
 * activation's (and dropout's) backward, the product's backward and the weight penalty's gradient.
 */
final class BackwardPhases {

    private BackwardPhases() {
    }

    /** Sets every gradient to 0 before the layers accumulate into them. */
    static final class ZeroGradients extends Phase {
        private final Gradients gradients;
        private final long size;

        ZeroGradients(Gradients gradients) {
            this.gradients = gradients;
            long total = 0;
            for (int i = 0; i < gradients.count(); i++) {
                total += gradients.tensor(i).length;
            }
            this.size = total;
        }

        @Override
        boolean worthSharing(int rows) {
            return size >= MIN_SHARED_ELEMENTS;
        }

        @Override
        public void run(int part, int parts) {
            gradients.zero(part, parts);
        }
    }

    /**
     * {@code δ ← f'(Z) ⊙ (mask ⊙ δ)} in place: turns ∂E/∂(dropped A) into ∂E/∂Z ({@code mask} null
     * without dropout). Split by rows.
     */
    static final class ActivationBackward extends Phase {
        private final DenseLayer layer;
        private final float[] z;
        private final float[] a;
        private final float[] mask;
        private final float[] delta;
        private final Batch batch;

        ActivationBackward(DenseLayer layer, float[] z, float[] a, float[] mask, float[] delta, Batch batch) {
            this.layer = layer;
            this.z = z;
            this.a = a;
            this.mask = mask;
            this.delta = delta;
            this.batch = batch;
        }

        @Override
        boolean worthSharing(int rows) {
            return (long) rows * layer.fanOut() >= MIN_SHARED_ELEMENTS;
        }

        @Override
        public void run(int part, int parts) {
            layer.activationBackward(z, a, mask, delta, batch.rows(), part, parts);
        }
    }

    /**
     * Given {@code δ = ∂E/∂Z}: {@code ∂E/∂W += Xᵀ·δ}, {@code ∂E/∂b += Σ_rows δ}, and
     * {@code ∂E/∂X = δ·Wᵀ} into the previous layer's δ ({@code inputDelta} null for the first layer).
     */
    static final class ProductBackward extends Phase {
        private final MatrixKernels kernels;
        private final DenseLayer layer;
        private final LayerInput input;
        private final float[] delta;
        private final float[] weightGradient;
        private final float[] biasGradient;
        private final float[] inputDelta;
        private final Batch batch;

        ProductBackward(MatrixKernels kernels, DenseLayer layer, LayerInput input, float[] delta,
                        float[] weightGradient, float[] biasGradient, float[] inputDelta, Batch batch) {
            this.kernels = kernels;
            this.layer = layer;
            this.input = input;
            this.delta = delta;
            this.weightGradient = weightGradient;
            this.biasGradient = biasGradient;
            this.inputDelta = inputDelta;
            this.batch = batch;
        }

        @Override
        boolean worthSharing(int rows) {
            return (long) rows * layer.fanOut() * layer.fanIn() >= MIN_SHARED_MULTIPLY_ADDS;
        }

        @Override
        public void run(int part, int parts) {
            layer.productBackward(kernels, input.values(), batch.rows(), delta, weightGradient, biasGradient,
                    inputDelta, part, parts);
        }
    }

    /** Adds the weight penalty's gradient {@code l1·sign(W) + 2·l2·W} to {@code ∂E/∂W}. */
    static final class PenaltyGradient extends Phase {
        private final DenseLayer layer;
        private final float[] weightGradient;

        PenaltyGradient(DenseLayer layer, float[] weightGradient) {
            this.layer = layer;
            this.weightGradient = weightGradient;
        }

        @Override
        boolean worthSharing(int rows) {
            return weightGradient.length >= MIN_SHARED_ELEMENTS;
        }

        @Override
        public void run(int part, int parts) {
            layer.penaltyBackward(weightGradient, part, parts);
        }
    }
}
