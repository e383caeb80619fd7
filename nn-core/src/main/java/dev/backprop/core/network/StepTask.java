package dev.backprop.core.network;

import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.internal.MatrixKernels;
import dev.backprop.core.internal.PartTask;
import java.util.List;

/**
 * The phases of one forward/backward/update step, each run by every thread of a workspace's team on
 * its share. One preallocated object per workspace: the step's arguments are set in fields before each
 * phase, so a training step allocates nothing. Between phases the team's {@code run} is the barrier.
 */
final class StepTask implements PartTask {

    private enum Phase { MULTIPLY, ACTIVATE, ACTIVATION_BACKWARD, PRODUCT_BACKWARD, PENALTY, UPDATE }

    private static final long MIN_SHARED_MULTIPLY_ADDS = 1L << 20;
    private static final long MIN_SHARED_ELEMENTS = 2048;

    private final MatrixKernels kernels;
    private final List<Parameter> parameters;
    private final long parameterCount;
    private final List<DenseLayer> layers;
    private final Workspace workspace;

    private Phase phase;
    private int layer;
    private int rows;
    private float[] layerInput;
    private boolean zeroGradients;
    private boolean dropping;
    private Optimizer optimizer;
    private List<OptimizerState> states;

    /**
     * Holds the network's kernels and parameters, not the network itself: a network's per-thread
     * inference workspaces hold their step task, and a reference back to the network would keep every
     * network that ever predicted on a long-lived thread reachable from that thread.
     */
    StepTask(MatrixKernels kernels, List<Parameter> parameters, List<DenseLayer> layers, Workspace workspace) {
        this.kernels = kernels;
        this.parameters = parameters;
        this.parameterCount = parameters.stream().mapToLong(Parameter::size).sum();
        this.layers = layers;
        this.workspace = workspace;
    }

    /**
     * Runs {@code rows} examples forward; zeroes the gradients on the way when asked to; drops outputs
     * of layers with dropout only when {@code training}.
     */
    float[] forward(float[] inputs, int batchRows, boolean zeroing, boolean training) {
        rows = batchRows;
        dropping = training;
        float[] input = inputs;
        for (int i = 0; i < layers.size(); i++) {
            layer = i;
            layerInput = input;
            zeroGradients = zeroing && i == 0;
            runPhase(Phase.MULTIPLY);
            runPhase(Phase.ACTIVATE);
            input = workspace.activations[i];
            if (training && layers.get(i).dropout() > 0) {
                layers.get(i).drop(input, workspace.dropoutMasks[i], workspace.droppedActivations[i], rows,
                        workspace.dropoutRandom());
                input = workspace.droppedActivations[i];
            }
        }
        return input;
    }

    /** The input the layer {@code i} saw in the last forward pass: the data, or the previous layer's (dropped) output. */
    private float[] inputOf(int i, float[] inputs) {
        if (i == 0) {
            return inputs;
        }
        return dropping && layers.get(i - 1).dropout() > 0 ? workspace.droppedActivations[i - 1]
                : workspace.activations[i - 1];
    }

    /**
     * Backward from the last layer's δ (∂E/∂a, or ∂E/∂z when {@code outputDeltaIsPreActivation}),
     * accumulating every parameter's gradient.
     */
    void backward(float[] inputs, int batchRows, boolean outputDeltaIsPreActivation) {
        rows = batchRows;
        for (int i = layers.size() - 1; i >= 0; i--) {
            layer = i;
            layerInput = inputOf(i, inputs);
            if (!(outputDeltaIsPreActivation && i == layers.size() - 1)) {
                runPhase(Phase.ACTIVATION_BACKWARD);
            }
            runPhase(Phase.PRODUCT_BACKWARD);
            if (!layers.get(i).penalty().isNone()) {
                runPhase(Phase.PENALTY);
            }
        }
    }

    /** Lets {@code rule} update every parameter from its gradient; the states' steps are already advanced. */
    void update(Optimizer rule, List<OptimizerState> parameterStates) {
        optimizer = rule;
        states = parameterStates;
        runPhase(Phase.UPDATE);
        optimizer = null;
        states = null;
    }

    private void runPhase(Phase next) {
        phase = next;
        if (worthSharing()) {
            workspace.team.run(this);
        } else {
            run(0, 1);
        }
    }

    /**
     * Whether the phase is big enough to pay for handing shares to the other threads (about a
     * microsecond even with spinning workers): products of at least {@value #MIN_SHARED_MULTIPLY_ADDS}
     * multiply-adds, element-wise passes of at least {@value #MIN_SHARED_ELEMENTS} values. Results are the
     * same either way: kernels give bit-identical results for any number of parts.
     */
    private boolean worthSharing() {
        if (workspace.team.size() == 1) {
            return false;
        }
        if (phase == Phase.UPDATE) {
            return parameterCount >= MIN_SHARED_ELEMENTS;
        }
        if (phase == Phase.PENALTY) {
            return layers.get(layer).weights().size() >= MIN_SHARED_ELEMENTS;
        }
        DenseLayer current = layers.get(layer);
        long outputs = (long) rows * current.fanOut();
        if (phase == Phase.ACTIVATE || phase == Phase.ACTIVATION_BACKWARD) {
            return outputs >= MIN_SHARED_ELEMENTS;
        }
        return outputs * current.fanIn() >= MIN_SHARED_MULTIPLY_ADDS;
    }

    @Override
    public void run(int part, int parts) {
        DenseLayer current = layers.get(layer);
        switch (phase) {
            case MULTIPLY:
                if (zeroGradients) {
                    workspace.zeroGradients(part, parts);
                }
                current.multiply(kernels, layerInput, rows, workspace.preActivations[layer], part, parts);
                break;
            case ACTIVATE:
                current.activate(workspace.preActivations[layer], workspace.activations[layer], rows, part, parts);
                break;
            case ACTIVATION_BACKWARD:
                current.activationBackward(workspace.preActivations[layer], workspace.activations[layer],
                        dropping ? workspace.dropoutMasks[layer] : null, workspace.deltas[layer], rows, part, parts);
                break;
            case PRODUCT_BACKWARD:
                current.productBackward(kernels, layerInput, rows, workspace.deltas[layer],
                        workspace.gradient(2 * layer), workspace.gradient(2 * layer + 1),
                        layer == 0 ? null : workspace.deltas[layer - 1], part, parts);
                break;
            case PENALTY:
                current.penaltyBackward(workspace.gradient(2 * layer), part, parts);
                break;
            default:
                updateShare(part, parts);
        }
    }

    private void updateShare(int part, int parts) {
        for (int p = 0; p < parameters.size(); p++) {
            float[] values = parameters.get(p).values();
            optimizer.update(values, workspace.gradient(p), states.get(p),
                    MatrixKernels.shareStart(values.length, part, parts),
                    MatrixKernels.shareStart(values.length, part + 1, parts));
        }
    }
}
