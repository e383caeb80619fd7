package dev.backprop.core.network;

import java.util.List;

/**
 * The buffers one thread needs to run a network forward and backward on up to {@link #capacity()}
 * examples at once: per layer the pre-activations {@code z}, the activations {@code a} and the
 * error {@code δ}, plus one gradient array per {@link Parameter}. Allocated once and reused for every
 * batch, so training allocates nothing per batch. Not thread-safe: one workspace per thread.
 */
public final class Workspace {

    private final int capacity;
    final float[][] preActivations;
    final float[][] activations;
    final float[][] deltas;
    private final float[][] gradients;

    Workspace(List<DenseLayer> layers, int capacity) {
        this.capacity = capacity;
        int count = layers.size();
        preActivations = new float[count][];
        activations = new float[count][];
        deltas = new float[count][];
        gradients = new float[2 * count][];
        for (int i = 0; i < count; i++) {
            DenseLayer layer = layers.get(i);
            preActivations[i] = new float[capacity * layer.fanOut()];
            activations[i] = new float[capacity * layer.fanOut()];
            deltas[i] = new float[capacity * layer.fanOut()];
            gradients[2 * i] = new float[layer.weights().size()];
            gradients[2 * i + 1] = new float[layer.biases().size()];
        }
    }

    /** The largest batch this workspace holds. */
    public int capacity() {
        return capacity;
    }

    /**
     * The gradient of parameter {@code index}, in the order of {@link Network#parameters()}; valid
     * after {@link Network#computeGradients}.
     */
    public float[] gradient(int index) {
        return gradients[index];
    }

    /** The number of gradient arrays (equal to the number of parameters). */
    public int gradientCount() {
        return gradients.length;
    }

    void zeroGradients() {
        for (float[] gradient : gradients) {
            java.util.Arrays.fill(gradient, 0f);
        }
    }
}
