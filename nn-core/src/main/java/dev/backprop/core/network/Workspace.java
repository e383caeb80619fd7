package dev.backprop.core.network;

import dev.backprop.core.internal.ComputeTeam;
import dev.backprop.core.internal.MatrixKernels;
import dev.backprop.core.network.BackwardPhases.ActivationBackward;
import dev.backprop.core.network.BackwardPhases.PenaltyGradient;
import dev.backprop.core.network.BackwardPhases.ProductBackward;
import dev.backprop.core.network.ForwardPhases.Activate;
import dev.backprop.core.network.ForwardPhases.Drop;
import dev.backprop.core.network.ForwardPhases.WeightedSums;
import java.util.ArrayList;
import java.util.List;

/**
 * The buffers and threads that run a network forward and backward on up to {@link #capacity()}
 * examples at once: per layer the pre-activations {@code Z}, the activations {@code A} and the error
 * {@code δ}; the {@link Gradients} the backward pass fills; a team of {@link #threads()} threads that
 * share every phase; and the passes themselves, made once from {@link Phase}s that hold these buffers.
 * Allocated once and reused for every batch, so training allocates nothing per batch. Close it to stop
 * its threads. Not thread-safe: one caller at a time.
 */
public final class Workspace implements AutoCloseable {

    private final int capacity;
    final float[][] preActivations;
    final float[][] activations;
    final float[][] deltas;
    final float[][] dropoutMasks;
    final float[][] droppedActivations;
    private final float[] inputChunk;
    private final Gradients gradients;
    private final ComputeTeam team;
    private final DropoutStream dropout;
    /** Mask values drawn per example of a training batch: the widths of the layers with dropout, summed. */
    private final long dropoutDrawsPerRow;
    private final Batch batch = new Batch();
    private final Pass inferenceForward;
    private final Pass trainingForward;
    private final Pass backward;
    private final Pass backwardFromPreActivation;

    Workspace(MatrixKernels kernels, List<Parameter> parameters, int inputWidth, List<DenseLayer> layers, int capacity,
              int threads, boolean training, long dropoutSeed) {
        this.capacity = capacity;
        int count = layers.size();
        preActivations = new float[count][];
        activations = new float[count][];
        deltas = new float[count][];
        dropoutMasks = new float[count][];
        droppedActivations = new float[count][];
        for (int i = 0; i < count; i++) {
            int size = Math.multiplyExact(capacity, layers.get(i).fanOut());   // checked by NetworkSpec before
            preActivations[i] = new float[size];
            activations[i] = new float[size];
            if (training) {
                deltas[i] = new float[size];
                if (layers.get(i).dropout() > 0) {
                    dropoutMasks[i] = new float[size];
                    droppedActivations[i] = new float[size];
                }
            }
        }
        this.inputChunk = training ? null : new float[Math.multiplyExact(capacity, inputWidth)];
        this.gradients = training ? Gradients.zerosLike(parameters) : null;
        this.dropout = new DropoutStream(dropoutSeed);
        this.dropoutDrawsPerRow = layers.stream().filter(layer -> layer.dropout() > 0)
                .mapToLong(DenseLayer::fanOut).sum();
        this.team = new ComputeTeam(threads);
        this.inferenceForward = new Pass(forwardPhases(kernels, layers, false), team, batch);
        this.trainingForward = training ? new Pass(forwardPhases(kernels, layers, true), team, batch) : null;
        this.backward = training ? new Pass(backwardPhases(kernels, layers, false), team, batch) : null;
        this.backwardFromPreActivation = training ? new Pass(backwardPhases(kernels, layers, true), team, batch) : null;
    }

    /** Per layer: weighted sums, activation, and when training a layer with dropout, its mask. */
    private List<Phase> forwardPhases(MatrixKernels kernels, List<DenseLayer> layers, boolean training) {
        List<Phase> phases = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            DenseLayer layer = layers.get(i);
            phases.add(new WeightedSums(kernels, layer, inputOf(i, layers, training), preActivations[i], batch));
            phases.add(new Activate(layer, preActivations[i], activations[i], batch));
            if (training && layer.dropout() > 0) {
                phases.add(new Drop(layer, activations[i], dropoutMasks[i], droppedActivations[i], batch, dropout));
            }
        }
        return phases;
    }

    /**
     * Per layer from the last: the activation's backward (skipped for the last layer when the loss
     * already gave {@code ∂E/∂Z}), the product's backward, which writes the layer's gradients, and the
     * penalty's gradient, which adds to them.
     */
    private List<Phase> backwardPhases(MatrixKernels kernels, List<DenseLayer> layers, boolean fromPreActivation) {
        List<Phase> phases = new ArrayList<>();
        int last = layers.size() - 1;
        for (int i = last; i >= 0; i--) {
            DenseLayer layer = layers.get(i);
            if (!(fromPreActivation && i == last)) {
                phases.add(new ActivationBackward(layer, preActivations[i], activations[i], dropoutMasks[i], deltas[i],
                        batch));
            }
            float[] weightGradient = gradients.get(layer.weights().name());
            phases.add(new ProductBackward(kernels, layer, inputOf(i, layers, true), deltas[i], weightGradient,
                    gradients.get(layer.biases().name()), i == 0 ? null : deltas[i - 1], batch));
            if (!layer.penalty().isNone()) {
                phases.add(new PenaltyGradient(layer, weightGradient));
            }
        }
        return phases;
    }

    /** What layer {@code i} reads: the data, or the previous layer's output (its dropped copy when training). */
    private LayerInput inputOf(int i, List<DenseLayer> layers, boolean training) {
        if (i == 0) {
            return LayerInput.data(batch);
        }
        boolean dropped = training && layers.get(i - 1).dropout() > 0;
        return LayerInput.buffer(dropped ? droppedActivations[i - 1] : activations[i - 1]);
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
     * The gradients the last backward pass filled, paired with the network's parameters by name; live,
     * overwritten by the next pass.
     *
     * @throws IllegalStateException for an inference workspace, which has none
     */
    public Gradients gradients() {
        if (gradients == null) {
            throw new IllegalStateException("This workspace was made for inference and has no gradients; use"
                    + " Network.newWorkspace(...) to train.");
        }
        return gradients;
    }

    /**
     * The output buffer of the last forward pass ({@code rows × outputWidth} values, row-major; a
     * softmax layer's probabilities). Read it, do not keep or change it: the next pass overwrites it.
     */
    public float[] outputs() {
        return activations[activations.length - 1];
    }

    boolean isForTraining() {
        return gradients != null;
    }

    /** Runs {@code rows} examples forward (dropping outputs only when {@code training}); returns the output buffer. */
    float[] forward(float[] inputs, int rows, boolean training) {
        batch.set(inputs, rows);
        (training ? trainingForward : inferenceForward).run();
        int last = activations.length - 1;
        return training && droppedActivations[last] != null ? droppedActivations[last] : activations[last];
    }

    /**
     * Backward over the batch of the last training forward pass, from the last layer's δ (∂E/∂A, or
     * ∂E/∂Z when {@code outputDeltaIsPreActivation}), into {@link #gradients()}.
     */
    void backward(boolean outputDeltaIsPreActivation) {
        (outputDeltaIsPreActivation ? backwardFromPreActivation : backward).run();
    }

    /** The last layer's δ buffer, which the loss fills before {@link #backward}. */
    float[] outputDelta() {
        return deltas[deltas.length - 1];
    }

    /** Runs a phase that does not depend on the batch (the update) on this workspace's team, shared when it is worth it. */
    void run(Phase phase) {
        Pass.run(phase, team, batch.rows());
    }

    /** Copies {@code length} input values from {@code offset} into this workspace's input buffer (inference). */
    float[] chunkInput(float[] inputs, int offset, int length) {
        System.arraycopy(inputs, offset, inputChunk, 0, length);
        return inputChunk;
    }

    /**
     * Restarts the dropout masks from {@code seed}: the trainer reseeds once per epoch from the run's
     * seed and the epoch number, so a run resumed at any epoch drops exactly what an uninterrupted one
     * would (tests also use it to compare passes that must drop the same outputs).
     */
    public void reseedDropout(long seed) {
        dropout.reseed(seed);
    }

    /**
     * Moves the dropout masks on past {@code rows} training examples without drawing them: after a
     * {@link #reseedDropout reseed}, skipping the rows of the batches already trained leaves the stream
     * where an uninterrupted epoch would have it (each training pass draws, per layer with dropout, one
     * value per example and output, and nothing else draws from the stream).
     */
    public void skipDropout(long rows) {
        dropout.skip(Math.multiplyExact(rows, dropoutDrawsPerRow));
    }

    /** Stops the workspace's compute threads. */
    @Override
    public void close() {
        team.close();
    }
}
