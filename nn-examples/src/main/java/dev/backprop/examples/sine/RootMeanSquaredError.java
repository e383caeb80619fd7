package dev.backprop.examples.sine;

import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;

/**
 * The root-mean-square error of a network's outputs on a dataset, √(mean of (output − target)²) over
 * every output of every example: measured from the predictions themselves, in batches, independent
 * of any loss plugin's scaling.
 */
final class RootMeanSquaredError {

    private static final int BATCH = 256;

    private RootMeanSquaredError() {
    }

    /** The RMSE of {@code network} on {@code data}, whose targets must be as wide as the output. */
    static double of(Network network, Dataset data) {
        int width = network.outputWidth();
        if (data.targetWidth() != width) {
            throw new ShapeMismatchException("The RMSE compares each output with its target, so the"
                    + " data needs " + width + " target values per example, but has " + data.targetWidth()
                    + ": use the data the network was trained on.", width, data.targetWidth());
        }
        int batch = Math.min(BATCH, data.size());
        float[] features = new float[batch * data.featureWidth()];
        float[] targets = new float[batch * width];
        float[] outputs = new float[batch * width];
        double sum = 0;
        for (int from = 0; from < data.size(); from += batch) {
            int rows = Math.min(batch, data.size() - from);
            data.copyRange(from, rows, features, targets);
            network.predict(features, rows, outputs);
            for (int i = 0; i < rows * width; i++) {
                double error = (double) outputs[i] - targets[i];
                sum += error * error;
            }
        }
        return Math.sqrt(sum / ((long) data.size() * width));
    }
}
