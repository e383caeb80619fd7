package dev.backprop.core.evaluation;

import dev.backprop.api.loss.Loss;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import java.util.Objects;

/**
 * Measures a network on a dataset, in batches, without changing it: through {@link Network#predict},
 * so it needs no training buffers and may run while another thread predicts.
 *
 * <p>Accuracy: with one output an example is right when output and target fall on the same side of
 * 0.5 (binary classification); with several outputs when the largest output is at the position of the
 * largest target (one-hot classification) or, with one target per example, at the class index it holds
 * (integer labels).
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** The fraction of examples classified correctly, in [0, 1]. */
    public static double accuracy(Network network, Dataset data) {
        return pass(network, data, null).accuracy();
    }

    /**
     * Whether example {@code row} of a batch is classified right, by the rule in this class's
     * description: {@code outputs} holds rows of {@code width} values, {@code targets} rows of
     * {@code targetWidth} (one-hot, or one integer label, or one binary target).
     */
    public static boolean isCorrect(float[] outputs, int row, int width, float[] targets, int targetWidth) {
        int offset = row * width;
        if (width == 1) {
            return (outputs[offset] >= 0.5f) == (targets[row * targetWidth] >= 0.5f);
        }
        if (targetWidth == 1) {
            return argMax(outputs, offset, width) == (int) targets[row];
        }
        return argMax(outputs, offset, width) == argMax(targets, row * targetWidth, targetWidth);
    }

    /**
     * The loss and the accuracy over the whole dataset, in one pass.
     *
     * @param loss the loss whose mean is reported (evaluated on the network's outputs)
     */
    public static Measurement measure(Network network, Dataset data, Loss loss) {
        return pass(network, data, Objects.requireNonNull(loss, "loss"));
    }

    /** One pass over {@code data} in batches through {@code predict}; the loss is NaN when {@code loss} is null. */
    private static Measurement pass(Network network, Dataset data, Loss loss) {
        int width = network.outputWidth();
        float[] gradient = loss == null ? null : new float[PredictionBatches.rows(network, data) * width];
        double[] lossSum = {0};
        int[] correct = {0};
        PredictionBatches.forEach(network, data, (from, rows, outputs, targets) -> {
            if (loss != null) {
                lossSum[0] += loss.evaluate(outputs, targets, rows, width, gradient) * rows;
            }
            for (int row = 0; row < rows; row++) {
                correct[0] += isCorrect(outputs, row, width, targets, data.targetWidth()) ? 1 : 0;
            }
        });
        return new Measurement(loss == null ? Double.NaN : lossSum[0] / data.size(),
                (double) correct[0] / data.size());
    }

    /**
     * A network's figures on one dataset.
     *
     * @param loss     the mean loss per example
     * @param accuracy the fraction classified right
     */
    public record Measurement(double loss, double accuracy) {
    }

    /** The loss over the whole dataset (the mean of per-batch losses weighted by batch size). */
    public static double loss(Network network, Dataset data, Loss loss) {
        return measure(network, data, loss).loss();
    }

    /** The index of the largest of {@code values[offset … offset + width − 1]}, relative to offset. */
    public static int argMax(float[] values, int offset, int width) {
        int best = 0;
        for (int i = 1; i < width; i++) {
            if (values[offset + i] > values[offset + best]) {
                best = i;
            }
        }
        return best;
    }
}
