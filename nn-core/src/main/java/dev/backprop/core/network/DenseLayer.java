package dev.backprop.core.network;

import dev.backprop.core.internal.MatrixKernels;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A fully connected layer: {@code Z = X·W + b}, {@code A = f(Z)} over a batch, and its backward
 * pass. {@code W} is {@code fanIn × fanOut} row-major, so row {@code i} holds the weights leaving
 * input {@code i}. The weights and biases are the live arrays of its two {@link Parameter}s.
 *
 * <p>Every operation takes {@code part} of {@code parts}: the share of the work one thread of a
 * compute team does. Forward and backward sit side by side; the forward pass leaves in the workspace
 * exactly what backward reads ({@code Z}, {@code A}).
 */
final class DenseLayer {

    private final int fanIn;
    private final int fanOut;
    private final LayerActivation activation;
    private final Parameter weights;
    private final Parameter biases;
    private final WeightPenalty penalty;
    private final double dropout;

    /** Sizes were checked by {@link NetworkSpec} ({@link SizeLimits}); {@code multiplyExact} only guards the invariant. */
    DenseLayer(int index, int fanIn, int fanOut, LayerActivation activation, WeightPenalty penalty, double dropout) {
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.activation = activation;
        this.penalty = penalty;
        this.dropout = dropout;
        this.weights = new Parameter(Parameter.weightName(index + 1), fanIn, fanOut, new float[Math.multiplyExact(fanIn, fanOut)]);
        this.biases = new Parameter(Parameter.biasName(index + 1), 1, fanOut, new float[fanOut]);
    }

    int fanIn() {
        return fanIn;
    }

    int fanOut() {
        return fanOut;
    }

    LayerActivation activation() {
        return activation;
    }

    Parameter weights() {
        return weights;
    }

    Parameter biases() {
        return biases;
    }

    WeightPenalty penalty() {
        return penalty;
    }

    /** The fraction of outputs dropped during training (0: none). */
    double dropout() {
        return dropout;
    }

    /**
     * Training-time dropout of the first {@code rows} rows of {@code a}: draws {@code mask} (0 for a
     * dropped output, {@code 1/(1 − rate)} for a kept one) from {@code random} in row-major order and
     * writes {@code dropped = a ⊙ mask}. Serial, so the mask does not depend on the thread count.
     */
    void drop(float[] a, float[] mask, float[] dropped, int rows, RandomGenerator random) {
        float keptScale = (float) (1 / (1 - dropout));
        int count = rows * fanOut;
        for (int i = 0; i < count; i++) {
            float m = random.nextDouble() < dropout ? 0f : keptScale;
            mask[i] = m;
            dropped[i] = a[i] * m;
        }
    }

    /** The penalty's share of the loss, {@code l1·Σ|w| + l2·Σw²}. */
    double penaltyValue() {
        return penalty.isNone() ? 0 : penalty.value(weights.values());
    }

    /** Adds the penalty's gradient to share {@code part} of the weight gradient. */
    void penaltyBackward(float[] weightGradient, int part, int parts) {
        if (!penalty.isNone()) {
            penalty.addGradient(weights.values(), weightGradient, MatrixKernels.shareStart(weightGradient.length, part,
                    parts), MatrixKernels.shareStart(weightGradient.length, part + 1, parts));
        }
    }

    /** Forward, first half: {@code z = input·W + b}. */
    void multiply(MatrixKernels kernels, float[] input, int rows, float[] z, int part, int parts) {
        kernels.multiplyAddBias(input, weights.values(), biases.values(), z, rows, fanIn, fanOut, part, parts);
    }

    /** Forward, second half: {@code a = f(z)}, split by rows. */
    void activate(float[] z, float[] a, int rows, int part, int parts) {
        activation.forward(z, a, MatrixKernels.shareStart(rows, part, parts),
                MatrixKernels.shareStart(rows, part + 1, parts), fanOut);
    }

    /**
     * Backward through the dropout mask (when {@code mask} is not null: {@code δ ← δ ⊙ mask}) and the
     * activation, in place: {@code δ ← (∂a/∂z)ᵀ·δ}, turning ∂E/∂(dropped a) into ∂E/∂z.
     */
    void activationBackward(float[] z, float[] a, float[] mask, float[] delta, int rows, int part, int parts) {
        int rowFrom = MatrixKernels.shareStart(rows, part, parts);
        int rowTo = MatrixKernels.shareStart(rows, part + 1, parts);
        if (mask != null) {
            for (int i = rowFrom * fanOut; i < rowTo * fanOut; i++) {
                delta[i] *= mask[i];
            }
        }
        activation.backward(z, a, delta, delta, rowFrom, rowTo, fanOut);
    }

    /**
     * Backward through the product, given {@code δ = ∂E/∂z}: writes {@code ∂E/∂W = inputᵀ·δ} and
     * {@code ∂E/∂b = Σ_rows δ} (summed from 0 row by row), and {@code ∂E/∂input = δ·Wᵀ} unless
     * {@code inputGradient} is null (the first layer, whose input needs no gradient).
     */
    void productBackward(MatrixKernels kernels, float[] input, int rows, float[] delta, float[] weightGradient,
                         float[] biasGradient, float[] inputGradient, int part, int parts) {
        kernels.multiplyTransposedLeft(input, delta, weightGradient, rows, fanIn, fanOut, part, parts);
        int colEnd = MatrixKernels.shareStart(fanOut, part + 1, parts);
        Arrays.fill(biasGradient, MatrixKernels.shareStart(fanOut, part, parts), colEnd, 0f);
        for (int row = 0; row < rows; row++) {
            int offset = row * fanOut;
            for (int col = MatrixKernels.shareStart(fanOut, part, parts); col < colEnd; col++) {
                biasGradient[col] += delta[offset + col];
            }
        }
        if (inputGradient != null) {
            kernels.multiplyTransposedRight(delta, weights.values(), inputGradient, rows, fanIn, fanOut, part, parts);
        }
    }
}
