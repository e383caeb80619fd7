package dev.backprop.examples.mnist;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.examples.console.ClassificationReport;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * A trained network's figures on the test images: the loss (with the run's loss plugin), the
 * accuracy, and the confusion matrix with per-class precision and recall.
 *
 * @param loss     the mean test loss
 * @param matrix   the confusion matrix of the test images
 */
record TestReport(double loss, ConfusionMatrix matrix) {

    /** Measures {@code network} on {@code test}; the loss is {@code config}'s, resolved through {@code registry}. */
    static TestReport measure(Network network, Dataset test, PluginRegistry registry, TrainingConfig config) {
        return measure(network, test, registry,
                new MnistPredictions.LossChoice(config.loss(), config.lossHyperparameters()));
    }

    /** Measures {@code network} on {@code test} with {@code loss}, resolved through {@code registry}. */
    static TestReport measure(Network network, Dataset test, PluginRegistry registry, MnistPredictions.LossChoice loss) {
        double value = Evaluation.loss(network, test, registry.loss(loss.id(), loss.hyperparameters()));
        return new TestReport(value, ConfusionMatrix.of(network, test));
    }

    double accuracy() {
        return matrix.accuracy();
    }

    void print(PrintWriter out, List<String> classNames) {
        out.println();
        out.printf(Locale.ROOT, "test: %d images, loss %.4f%n", matrix.total(), loss);
        new ClassificationReport(classNames).print(matrix, out);
        out.flush();
    }
}
