package dev.backprop.examples.diagram;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.network.NetworkSpec;

/**
 * {@code --neuron LAYER:INDEX}: one neuron, its dense layer counted from 1 (as in dense_1) and its index in
 * the layer from 0.
 *
 * @param layer the dense layer, from 1
 * @param index the neuron in it, from 0
 */
record NeuronChoice(int layer, int index) {

    /** Parses {@code text} ({@code 2:5}) and checks it against {@code spec}. */
    static NeuronChoice parse(String text, NetworkSpec spec) {
        String[] parts = text.strip().split(":", -1);
        int layer;
        int index;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException(text);
            }
            layer = Integer.parseInt(parts[0].strip());
            index = Integer.parseInt(parts[1].strip());
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException("--neuron expects LAYER:INDEX (layers counted from 1, neurons"
                    + " from 0), for example 2:5, but was given '" + text + "': write the layer, a colon and the index.");
        }
        int layers = spec.layers().size();
        if (layer < 1 || layer > layers) {
            throw new InvalidConfigurationException("--neuron " + text + " names layer " + layer + " but the network"
                    + " has " + layers + " dense layer" + (layers == 1 ? "" : "s") + " (dense_1 to dense_" + layers
                    + "): give a layer from 1 to " + layers + ".");
        }
        int width = spec.layers().get(layer - 1).width();
        if (index < 0 || index >= width) {
            throw new InvalidConfigurationException("--neuron " + text + " names neuron " + index + " but layer "
                    + layer + " (" + NetworkLayout.name(layer) + ") has " + width + " neuron" + (width == 1 ? "" : "s")
                    + ": give an index from 0 to " + (width - 1) + ".");
        }
        return new NeuronChoice(layer, index);
    }

    /** As written on the command line: 2:5. */
    @Override
    public String toString() {
        return layer + ":" + index;
    }
}
