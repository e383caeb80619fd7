package dev.backprop.core.network;

/**
 * One trainable tensor of a network, row-major: a layer's weights ({@code fanIn × fanOut}) or biases
 * ({@code 1 × fanOut}). {@code values} is the live array the network computes with; optimizers and
 * model readers write it in place.
 *
 * @param name    {@code "layer1.weights"}, {@code "layer1.biases"}, ... (layers counted from 1)
 * @param rows    the number of rows
 * @param columns the number of columns
 * @param values  the live values, {@code rows × columns} long
 */
public record Parameter(String name, int rows, int columns, float[] values) {

    /** The number of values. */
    public int size() {
        return values.length;
    }
}
