package dev.backprop.core.network;

import dev.backprop.api.NumericalInstabilityException;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.internal.MatrixKernels;
import dev.backprop.core.loss.FusedWithSoftmax;
import java.util.List;

/**
 * After an update left a NaN or an infinity in a parameter, finds where it started and says so in one
 * line: the parameter, whether its gradient was already non-finite, and then the plugin whose backward
 * produced the first non-finite value (the loss, an activation's derivative), the data, or the optimizer
 * (finite gradients, non-finite result: an overflowing learning rate). Runs only after a failure: it
 * rescans the workspace the step just used and may allocate.
 */
final class NonFiniteOrigin {

    private final Network network;
    private final Workspace workspace;
    private final Loss loss;
    private final Optimizer rule;

    NonFiniteOrigin(Network network, Workspace workspace, Loss loss, Optimizer rule) {
        this.network = network;
        this.workspace = workspace;
        this.loss = loss;
        this.rule = rule;
    }

    /**
     * The error for parameter {@code index} gone non-finite.
     *
     * @param ownPass whether the gradients applied were this workspace's own last backward pass (whose
     *                buffers can then be traced); false for gradients handed in from elsewhere
     * @param inputs  the last pass's inputs, and {@code targets} its targets (only read when {@code ownPass})
     */
    NumericalInstabilityException explain(int index, boolean ownPass, float[] inputs, float[] targets, int rows) {
        List<Parameter> parameters = network.parameters();
        Parameter parameter = parameters.get(index);
        String start = "The update made " + parameter.name() + " " + firstNonFinite(parameter.values()) + ": ";
        Gradients gradients = workspace.gradients();
        int gradientIndex = firstNonFiniteTensor(gradients);
        if (gradientIndex < 0) {
            return new NumericalInstabilityException(start + "its gradient was finite, so the optimizer '" + rule.id()
                    + "' (learning rate " + rule.learningRate() + ") overflowed float. Lower the learning rate, or clip"
                    + " the gradients.");
        }
        String gradientName = parameters.get(gradientIndex).name();
        String gradient = "the gradient of " + gradientName + " was " + firstNonFinite(gradients.tensor(gradientIndex));
        if (!ownPass) {
            return new NumericalInstabilityException(start + gradient + " in the gradients given to apply(). Check how"
                    + " they were computed or summed.");
        }
        return new NumericalInstabilityException(start + gradient + ", and " + backwardOrigin(inputs, targets, rows)
                + ".");
    }

    /** Where the backward pass first produced a non-finite value, with the fix. */
    private String backwardOrigin(float[] inputs, float[] targets, int rows) {
        List<DenseLayer> layers = network.layers();
        int last = layers.size() - 1;
        for (int i = last; i >= 0; i--) {
            DenseLayer layer = layers.get(i);
            if (allFinite(workspace.deltas[i], rows * layer.fanOut())) {
                continue;
            }
            if (i == last) {
                return outputOrigin(layer, targets, rows);
            }
            DenseLayer above = layers.get(i + 1);
            float[] upstream = new float[rows * layer.fanOut()];
            network.kernels().multiplyTransposedRight(workspace.deltas[i + 1], above.weights().values(), upstream, rows,
                    above.fanIn(), above.fanOut(), 0, 1);
            if (!allFinite(upstream, upstream.length)) {
                return "∂E/∂a of " + PluginFailures.layerName(layer) + " (δ·Wᵀ of " + PluginFailures.layerName(above)
                        + ") overflowed float: lower the learning rate, clip the gradients or scale the inputs";
            }
            return activationBlame(layer);
        }
        if (!allFinite(inputs, rows * network.inputWidth())) {
            return "the batch's inputs hold " + firstNonFinite(inputs) + ": remove or impute such values in the data";
        }
        return "every δ was finite, so ∂E/∂W = Xᵀ·δ or a weight penalty overflowed float: lower the learning rate,"
                + " clip the gradients or scale the inputs";
    }

    /** The output layer's δ was non-finite: the loss's gradient, or the output activation's derivative. */
    private String outputOrigin(DenseLayer output, float[] targets, int rows) {
        boolean fused = output.activation() instanceof Softmax && loss instanceof FusedWithSoftmax;
        if (!fused) {
            float[] lossGradient = new float[rows * output.fanOut()];
            float[] outputs = workspace.droppedActivations[workspace.droppedActivations.length - 1] != null
                    ? workspace.droppedActivations[workspace.droppedActivations.length - 1]
                    : workspace.activations[workspace.activations.length - 1];
            boolean lossGradientFinite;
            try {
                loss.evaluate(outputs, targets, rows, output.fanOut(), lossGradient);
                lossGradientFinite = allFinite(lossGradient, lossGradient.length);
            } catch (RuntimeException failure) {
                lossGradientFinite = false;
            }
            if (lossGradientFinite) {
                return activationBlame(output);
            }
        }
        return "it started in the loss '" + loss.id() + "', whose gradient ∂E/∂" + (fused ? "z" : "a") + " of "
                + PluginFailures.layerName(output) + " was not finite: fix that plugin, or check the targets";
    }

    private static String activationBlame(DenseLayer layer) {
        return "it started in the backward (derivative) of the activation '" + layer.activation().id() + "' of "
                + PluginFailures.layerName(layer) + ", which returned NaN or infinity from finite inputs: fix that"
                + " plugin, or choose another activation";
    }

    /** The first tensor of {@code gradients} with a NaN or an infinity, or -1. */
    private int firstNonFiniteTensor(Gradients gradients) {
        for (int i = 0; i < gradients.count(); i++) {
            if (!allFinite(gradients.tensor(i), gradients.tensor(i).length)) {
                return i;
            }
        }
        return -1;
    }

    private boolean allFinite(float[] values, int count) {
        return network.kernels().allFinite(values, 0, Math.min(count, values.length));
    }

    /** {@code "NaN (first at index 12)"}, or {@code "finite"} when every value is. */
    private static String firstNonFinite(float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                return values[i] + " (first at index " + i + ")";
            }
        }
        return "finite";
    }
}
