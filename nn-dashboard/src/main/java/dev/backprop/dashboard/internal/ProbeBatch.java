package dev.backprop.dashboard.internal;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.loss.Loss;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.PassTrace;
import dev.backprop.core.network.TrainingStep;

/**
 * A small fixed batch of training examples on which the dashboard measures, every few seconds, what a
 * batch report cannot tell: the loss gradient of each layer and its activations. It runs one forward and
 * backward pass through its own single-threaded {@link TrainingStep} (its own buffers, a fixed dropout
 * seed, no optimizer state, never an update), on the training thread between two steps, so it reads the
 * weights while nothing changes them and leaves training exactly as it was.
 */
public final class ProbeBatch implements AutoCloseable {

    /** The fixed seed of the probe's dropout masks, so successive probes drop alike. */
    private static final long DROPOUT_SEED = 0x5EEDL;

    private final Network network;
    private final Loss loss;
    private final float[] features;
    private final float[] targets;
    private final int rows;
    private TrainingStep step;

    /**
     * Takes {@code maxRows} examples spread evenly over {@code data} (all of them when it has fewer).
     *
     * @throws InvalidConfigurationException if the data's widths do not fit the network and the loss
     */
    public ProbeBatch(Network network, Dataset data, Loss loss, int maxRows) {
        if (data.featureWidth() != network.inputWidth()) {
            throw new InvalidConfigurationException("The dashboard's probe data has " + data.featureWidth()
                    + " features per example but the network takes " + network.inputWidth() + ": give the"
                    + " probe the training data of this network.");
        }
        int targetWidth = loss.targetWidth(network.outputWidth());
        if (data.targetWidth() != targetWidth) {
            throw new InvalidConfigurationException("The dashboard's probe data has " + data.targetWidth()
                    + " target values per example but the " + loss.id() + " loss reads " + targetWidth + " for this"
                    + " network: give the probe the training data and the loss of this run.");
        }
        this.network = network;
        this.loss = loss;
        this.rows = Math.min(maxRows, data.size());
        int[] spread = new int[rows];
        for (int i = 0; i < rows; i++) {
            spread[i] = (int) ((long) i * data.size() / rows);
        }
        this.features = new float[rows * data.featureWidth()];
        this.targets = new float[rows * data.targetWidth()];
        data.gather(spread, 0, rows, features, targets);
    }

    /** The examples in the batch. */
    public int rows() {
        return rows;
    }

    /** One forward and backward pass on the batch with the current weights: every layer's values and gradients. */
    public PassTrace measure() {
        if (step == null) {
            step = TrainingStep.builder(network, loss, new MeasureOnly()).capacity(rows).threads(1)
                    .dropoutSeed(DROPOUT_SEED).build();
        }
        step.reseedDropout(DROPOUT_SEED);
        step.gradients(features, targets, rows);
        return step.trace();
    }

    /** Frees the probe's buffers. */
    @Override
    public void close() {
        if (step != null) {
            step.close();
            step = null;
        }
    }
}
