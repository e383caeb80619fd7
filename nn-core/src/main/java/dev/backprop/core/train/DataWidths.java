package dev.backprop.core.train;

import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.loss.Loss;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;

/**
 * Checks, before training, that a dataset's widths fit the network and the loss: as many features as
 * the network's inputs, and as many target values per example as the loss reads for the network's
 * outputs. The commonest mix-up gets its own message: one-hot targets (one column per class) given to a
 * loss that reads one class index per example ({@code sparse_categorical_cross_entropy}). Stateless.
 */
final class DataWidths {

    private DataWidths() {
    }

    /**
     * @throws ShapeMismatchException saying which width differs and how to make them match
     */
    static void require(Network network, Dataset data, Loss loss) {
        if (data.featureWidth() != network.inputWidth()) {
            throw new ShapeMismatchException("The network expects " + network.inputWidth() + " input features but the"
                    + " data has " + data.featureWidth() + ": build the network with input(" + data.featureWidth()
                    + ") or fix the data.", network.inputWidth(), data.featureWidth());
        }
        int outputs = network.outputWidth();
        int expected = loss.targetWidth(outputs);
        if (data.targetWidth() == expected) {
            return;
        }
        if (expected == 1 && outputs > 1 && data.targetWidth() == outputs) {
            throw new ShapeMismatchException("The " + loss.id() + " loss reads one class index per example, but the"
                    + " targets have " + outputs + " columns, one per output: they look one-hot. Use"
                    + " categorical_cross_entropy for one-hot targets, or give each example its class index (0 to "
                    + (outputs - 1) + ") as its one target.", expected, data.targetWidth());
        }
        throw new ShapeMismatchException("The " + loss.id() + " loss reads " + expected + " target value"
                + (expected == 1 ? "" : "s") + " per example for a network with " + outputs + " outputs, but the data"
                + " has " + data.targetWidth() + ": make the last layer match, encode the targets to match"
                + (expected == 1 ? "" : ", or use sparse_categorical_cross_entropy for integer labels") + ".",
                expected, data.targetWidth());
    }
}
