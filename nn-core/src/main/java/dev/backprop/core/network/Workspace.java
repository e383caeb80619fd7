package dev.backprop.core.network;

import dev.backprop.core.internal.ComputeTeam;
import dev.backprop.core.internal.MatrixKernels;
import java.util.Arrays;
import java.util.List;

/**
 * The buffers and threads that run a network forward and backward on up to {@link #capacity()}
 * examples at once: per layer the pre-activations {@code z}, the activations {@code a} and the error
 * {@code δ}, one gradient array per {@link Parameter}, and a team of {@link #threads()} threads that
 * share every step. Allocated once and reused for every batch, so training allocates nothing per
 * batch. Close it to stop its threads. Not thread-safe: one caller at a time.
 */
public final class Workspace implements AutoCloseable {

    private final int capacity;
    final float[][] preActivations;
    final float[][] activations;
    final float[][] deltas;
    private final float[][] gradients;
    final ComputeTeam team;
    final StepTask step;
    private final float[] inputChunk;
    final float[][] dropoutMasks;
    final float[][] droppedActivations;
    private java.util.SplittableRandom dropoutRandom;

    Workspace(MatrixKernels kernels, List<Parameter> parameters, int inputWidth, List<DenseLayer> layers, int capacity,
              int threads, boolean training, long dropoutSeed) {
        this.capacity = capacity;
        int count = layers.size();
        preActivations = new float[count][];
        activations = new float[count][];
        deltas = new float[count][];
        dropoutMasks = new float[count][];
        droppedActivations = new float[count][];
        gradients = new float[training ? 2 * count : 0][];
        for (int i = 0; i < count; i++) {
            DenseLayer layer = layers.get(i);
            preActivations[i] = new float[capacity * layer.fanOut()];
            activations[i] = new float[capacity * layer.fanOut()];
            if (training) {
                deltas[i] = new float[capacity * layer.fanOut()];
                gradients[2 * i] = new float[layer.weights().size()];
                gradients[2 * i + 1] = new float[layer.biases().size()];
                if (layer.dropout() > 0) {
                    dropoutMasks[i] = new float[capacity * layer.fanOut()];
                    droppedActivations[i] = new float[capacity * layer.fanOut()];
                }
            }
        }
        this.inputChunk = training ? null : new float[capacity * inputWidth];
        this.dropoutRandom = new java.util.SplittableRandom(dropoutSeed);
        this.team = new ComputeTeam(threads);
        this.step = new StepTask(kernels, parameters, layers, this);
    }

    /** The largest batch this workspace holds. */
    public int capacity() {
        return capacity;
    }

    /** The threads that compute each step, the caller included. */
    public int threads() {
        return team.size();
    }

    /**
     * The gradient of parameter {@code index}, in the order of {@link Network#parameters()}; valid
     * after {@link Network#computeGradients}.
     */
    public float[] gradient(int index) {
        return gradients[index];
    }

    /** The number of gradient arrays (equal to the number of parameters; 0 for inference workspaces). */
    public int gradientCount() {
        return gradients.length;
    }

    /**
     * The output buffer of the last forward pass ({@code rows × outputWidth} values, row-major; a
     * softmax layer's probabilities). Read it, do not keep or change it: the next pass overwrites it.
     */
    public float[] outputs() {
        return activations[activations.length - 1];
    }

    boolean isForTraining() {
        return gradients.length > 0;
    }

    /** Zeroes share {@code part} of every gradient array. */
    void zeroGradients(int part, int parts) {
        for (float[] gradient : gradients) {
            Arrays.fill(gradient, MatrixKernels.shareStart(gradient.length, part, parts),
                    MatrixKernels.shareStart(gradient.length, part + 1, parts), 0f);
        }
    }

    /** Copies {@code length} input values from {@code offset} into this workspace's input buffer (inference). */
    float[] chunkInput(float[] inputs, int offset, int length) {
        System.arraycopy(inputs, offset, inputChunk, 0, length);
        return inputChunk;
    }

    /** The generator of dropout masks. */
    java.util.SplittableRandom dropoutRandom() {
        return dropoutRandom;
    }

    /**
     * Restarts the dropout masks from {@code seed}: the trainer reseeds once per epoch from the run's
     * seed and the epoch number, so a run resumed at any epoch drops exactly what an uninterrupted one
     * would (tests also use it to compare passes that must drop the same outputs).
     */
    public void reseedDropout(long seed) {
        dropoutRandom = new java.util.SplittableRandom(seed);
    }

    /** Stops the workspace's compute threads. */
    @Override
    public void close() {
        team.close();
    }
}
