package dev.backprop.core.network;

import dev.backprop.core.internal.MatrixKernels;

/**
 * A fully connected layer: {@code Z = X·W + b}, {@code A = f(Z)} over a batch, and its backward
 * pass. {@code W} is {@code fanIn × fanOut} row-major, so row {@code i} holds the weights leaving
 * input {@code i}. The weights and biases are the live arrays of its two {@link Parameter}s.
 */
final class DenseLayer {

    private final int fanIn;
    private final int fanOut;
    private final LayerActivation activation;
    private final Parameter weights;
    private final Parameter biases;

    DenseLayer(int index, int fanIn, int fanOut, LayerActivation activation) {
        this.fanIn = fanIn;
        this.fanOut = fanOut;
        this.activation = activation;
        this.weights = new Parameter("layer" + (index + 1) + ".weights", fanIn, fanOut, new float[fanIn * fanOut]);
        this.biases = new Parameter("layer" + (index + 1) + ".biases", 1, fanOut, new float[fanOut]);
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

    /** {@code z = input·W + b}, {@code a = f(z)} for {@code rows} examples. */
    void forward(MatrixKernels kernels, float[] input, int rows, float[] z, float[] a) {
        kernels.multiplyAddBias(input, weights.values(), biases.values(), z, rows, fanIn, fanOut, 0, 1);
        activation.forward(z, a, rows, fanOut);
    }

    /**
     * Backward through the activation and the product. On entry {@code delta} holds {@code ∂E/∂a}
     * (or {@code ∂E/∂z} when {@code deltaIsPreActivation}); on exit it holds {@code ∂E/∂z}.
     * Accumulates {@code ∂E/∂W += inputᵀ·δ} and {@code ∂E/∂b += Σ_rows δ}, and writes
     * {@code ∂E/∂input = δ·Wᵀ} into {@code inputGradient} unless it is null (first layer).
     */
    void backward(MatrixKernels kernels, float[] input, int rows, float[] z, float[] a, float[] delta,
                  boolean deltaIsPreActivation, float[] weightGradient, float[] biasGradient, float[] inputGradient) {
        if (!deltaIsPreActivation) {
            activation.backward(z, a, delta, delta, rows, fanOut);
        }
        kernels.accumulateTransposedLeft(input, delta, weightGradient, rows, fanIn, fanOut, 0, 1);
        for (int row = 0; row < rows; row++) {
            int offset = row * fanOut;
            for (int col = 0; col < fanOut; col++) {
                biasGradient[col] += delta[offset + col];
            }
        }
        if (inputGradient != null) {
            kernels.multiplyTransposedRight(delta, weights.values(), inputGradient, rows, fanIn, fanOut, 0, 1);
        }
    }
}
