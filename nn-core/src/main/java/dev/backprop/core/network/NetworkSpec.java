package dev.backprop.core.network;

import dev.backprop.api.InvalidConfigurationException;
import java.util.List;

/**
 * A sequential network's architecture as pure data (ids and widths, no weights): what model files
 * store and what {@link Network#create} turns into a network.
 *
 * @param inputWidth the number of input features, at least 1
 * @param layers     the dense layers from input to output, at least one
 */
public record NetworkSpec(int inputWidth, List<LayerSpec> layers) {

    /** Validates the sizes and copies the layer list. */
    public NetworkSpec {
        if (inputWidth < 1) {
            throw new InvalidConfigurationException("A network needs at least 1 input feature but was given "
                    + inputWidth + ": call input(n) with n >= 1 before adding layers.");
        }
        if (layers == null || layers.isEmpty()) {
            throw new InvalidConfigurationException("A network needs at least one layer but has none:"
                    + " add one with dense(width, activation).");
        }
        layers = List.copyOf(layers);
        double outputDropout = layers.get(layers.size() - 1).dropout();
        if (outputDropout != 0) {
            throw new InvalidConfigurationException("Dropout " + outputDropout + " is set on the output layer, whose"
                    + " values are the predictions: put dropout on a hidden layer (dense(...).dropout(rate) before"
                    + " the last dense layer) or remove it.");
        }
    }

    /** The width of the last layer. */
    public int outputWidth() {
        return layers.get(layers.size() - 1).width();
    }

    /** The fan-in of layer {@code index}: the input width or the previous layer's width. */
    public int fanIn(int index) {
        return index == 0 ? inputWidth : layers.get(index - 1).width();
    }

    /** The number of trainable values (weights and biases). */
    public long parameterCount() {
        long count = 0;
        for (int i = 0; i < layers.size(); i++) {
            count += (long) (fanIn(i) + 1) * layers.get(i).width();
        }
        return count;
    }
}
