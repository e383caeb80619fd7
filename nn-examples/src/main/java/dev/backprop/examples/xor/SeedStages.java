package dev.backprop.examples.xor;

import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Gradients;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.network.PassTrace;
import dev.backprop.core.network.TrainingStep;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints one training step on real numbers, stage by stage and by the seed's names: the forward pass
 * ({@code z = Σ w·x + b}, {@code a = f(z)} for each layer), the error {@code E}, the backward pass
 * ({@code δ = ∂E/∂z} for each layer from the output, and {@code ∂E/∂w}), and the update (the weights
 * after the optimizer's step). The numbers are the framework's own ({@link TrainingStep#trace()}), one
 * row per example.
 */
final class SeedStages {

    private final PrintWriter out;

    SeedStages(PrintWriter out) {
        this.out = out;
    }

    /** One step of {@code network} on every example of {@code data} (one batch); changes the network's weights. */
    void print(Network network, Dataset data, Loss loss, Optimizer optimizer) {
        float[] inputs = new float[data.size() * data.featureWidth()];
        float[] targets = new float[data.size() * data.targetWidth()];
        data.copyRange(0, data.size(), inputs, targets);
        try (TrainingStep step = TrainingStep.builder(network, loss, optimizer).capacity(data.size()).build()) {
            Gradients own = step.gradients(inputs, targets, data.size());
            PassTrace trace = step.trace();
            out.println("One step of the seed's four stages on the " + data.size() + " examples (one row per"
                    + " example, one column per neuron):");
            out.println("1. forward: z = Σ w·x + b, a = f(z), layer by layer");
            out.println("   x = " + matrix(rows(inputs, data.featureWidth())));
            for (PassTrace.Layer layer : trace.layers()) {
                out.println("   " + layer.name() + " z = " + matrix(layer.z()));
                out.println("   " + layer.name() + " a = " + layer.activation() + "(z) = " + matrix(layer.a()));
            }
            out.printf(Locale.ROOT, "2. error: E = %.6f (the %s loss%s of a against y)%n", trace.loss(), loss.id(),
                    loss.hyperparameters().isEmpty() ? "" : " " + loss.hyperparameters());
            out.println("   y = " + matrix(rows(targets, data.targetWidth())));
            out.println("3. backward: δ = ∂E/∂z from the output layer back, then ∂E/∂w = xᵀ·δ and ∂E/∂b = Σ δ");
            for (int i = trace.layers().size() - 1; i >= 0; i--) {
                PassTrace.Layer layer = trace.layers().get(i);
                out.println("   " + layer.name() + " δ = " + matrix(layer.delta()));
            }
            Gradients gradients = trace.gradients();
            for (int t = 0; t < gradients.count(); t++) {
                Parameter parameter = network.parameter(gradients.name(t));
                out.println("   ∂E/∂" + gradients.name(t) + " = "
                        + matrix(rows(gradients.tensor(t), parameter.columns())));
            }
            step.apply(own);
            out.printf(Locale.ROOT, "4. update: w ← the %s rule on ∂E/∂w (learning rate %s)%n", optimizer.id(),
                    optimizer.learningRate());
            for (Parameter parameter : network.parameters()) {
                out.println("   " + parameter.name() + " = "
                        + matrix(parameter.read(Parameter.Orientation.IN_BY_OUT)));
            }
            out.println();
        }
    }

    private static float[][] rows(float[] values, int width) {
        float[][] rows = new float[values.length / width][width];
        for (int r = 0; r < rows.length; r++) {
            System.arraycopy(values, r * width, rows[r], 0, width);
        }
        return rows;
    }

    private static String matrix(float[][] rows) {
        StringBuilder text = new StringBuilder("[");
        for (int r = 0; r < rows.length; r++) {
            text.append(r == 0 ? "[" : ", [");
            for (int c = 0; c < rows[r].length; c++) {
                text.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", rows[r][c]));
            }
            text.append(']');
        }
        return text.append(']').toString();
    }
}
