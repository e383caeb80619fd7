package dev.backprop.core.evaluation;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.SizeLimits;

/**
 * Runs a dataset through {@link Network#predict} in batches, in order, reusing one set of buffers,
 * and hands each batch's outputs and targets to a consumer: the one loop behind {@link Evaluation}
 * and {@link ConfusionMatrix}.
 */
final class PredictionBatches {

    static final int BATCH = 256;

    /** Receives one batch; the arrays are reused for the next batch. */
    @FunctionalInterface
    interface Consumer {
        /**
         * @param from    the dataset index of the batch's first example
         * @param rows    the examples in this batch
         * @param outputs {@code rows × outputWidth} network outputs
         * @param targets {@code rows × targetWidth} targets
         */
        void accept(int from, int rows, float[] outputs, float[] targets);
    }

    private PredictionBatches() {
    }

    /**
     * The rows of one batch: {@value #BATCH}, or fewer for a small dataset or rows so wide that {@value #BATCH}
     * of them would not fit in one array.
     */
    static int rows(Network network, Dataset data) {
        int widest = Math.max(network.outputWidth(), Math.max(data.featureWidth(), data.targetWidth()));
        return Math.max(1, Math.min(Math.min(BATCH, data.size()), SizeLimits.MAX_ARRAY_LENGTH / widest));
    }

    static void forEach(Network network, Dataset data, Consumer consumer) {
        int batch = rows(network, data);
        float[] features = new float[batch * data.featureWidth()];
        float[] targets = new float[batch * data.targetWidth()];
        float[] outputs = new float[batch * network.outputWidth()];
        for (int from = 0; from < data.size(); from += batch) {
            int rows = Math.min(batch, data.size() - from);
            data.copyRange(from, rows, features, targets);
            network.predict(features, rows, outputs);
            consumer.accept(from, rows, outputs, targets);
        }
    }
}
