package dev.backprop.spark;

import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.network.NetworkSpec;
import java.io.Serializable;
import java.util.Arrays;

/**
 * A network's architecture as the few values Spark ships to executors: the input width, every dense
 * layer's width and activation id. The classifier's networks have no per-layer settings beyond these
 * (no dropout, penalties or activation hyperparameters), so a recipe rebuilds them exactly.
 */
final class NetworkRecipe implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int inputWidth;
    private final int[] widths;
    private final String[] activations;

    NetworkRecipe(int inputWidth, int[] widths, String[] activations) {
        if (widths.length == 0 || widths.length != activations.length) {
            throw new IllegalArgumentException("A network recipe needs one activation per layer and at least one"
                    + " layer, found " + widths.length + " widths and " + activations.length + " activations.");
        }
        this.inputWidth = inputWidth;
        this.widths = widths.clone();
        this.activations = activations.clone();
    }

    /**
     * The classifier's network for Spark-style {@code layers} ({@code [inputs, hidden..., classes]}):
     * {@code hiddenActivation} on every hidden layer, softmax on the output layer.
     */
    static NetworkRecipe classifier(int[] layers, String hiddenActivation) {
        int[] widths = Arrays.copyOfRange(layers, 1, layers.length);
        String[] ids = new String[widths.length];
        Arrays.fill(ids, hiddenActivation);
        ids[ids.length - 1] = "softmax";
        return new NetworkRecipe(layers[0], widths, ids);
    }

    /**
     * The recipe of a loaded network's architecture.
     *
     * @throws IllegalArgumentException if a layer has settings a recipe does not carry
     */
    static NetworkRecipe of(NetworkSpec spec) {
        int[] widths = new int[spec.layers().size()];
        String[] ids = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            LayerSpec layer = spec.layers().get(i);
            if (!layer.activationHyperparameters().equals(dev.backprop.api.Hyperparameters.none())) {
                throw new IllegalArgumentException("Layer " + (i + 1) + "'s activation '" + layer.activation().value()
                        + "' has settings " + layer.activationHyperparameters() + ", which BackpropClassificationModel"
                        + " cannot carry: save a network whose activations use their defaults.");
            }
            widths[i] = layer.width();
            ids[i] = layer.activation().value();
        }
        return new NetworkRecipe(spec.inputWidth(), widths, ids);
    }

    /** A new network of this architecture, its initial weights drawn with {@code seed}. */
    Network build(long seed) {
        NetworkBuilder builder = Network.builder().input(inputWidth).seed(seed);
        for (int i = 0; i < widths.length; i++) {
            builder.dense(widths[i], activations[i]);
        }
        return builder.build();
    }

    int inputWidth() {
        return inputWidth;
    }

    int outputWidth() {
        return widths[widths.length - 1];
    }

    /** Spark-style layer sizes: {@code [inputs, hidden..., outputs]}. */
    int[] layers() {
        int[] layers = new int[widths.length + 1];
        layers[0] = inputWidth;
        System.arraycopy(widths, 0, layers, 1, widths.length);
        return layers;
    }

    @Override
    public String toString() {
        return "input(" + inputWidth + ") " + Arrays.toString(widths) + " " + Arrays.toString(activations);
    }
}
