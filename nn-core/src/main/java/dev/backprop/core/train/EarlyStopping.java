package dev.backprop.core.train;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.loss.Loss;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops training when a validation metric has not improved for {@code patience} epochs, and (by
 * default) puts back the weights of the best epoch when training ends, as Keras' {@code EarlyStopping}
 * with {@code restore_best_weights}. The metric is the validation loss (lower is better) or the
 * validation accuracy (higher is better); an improvement must exceed {@code minDelta}.
 *
 * <p>One instance watches one network through one training run.
 */
public final class EarlyStopping implements TrainingListener {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);

    /** What is watched. */
    public enum Metric {
        /** The loss on the validation data; lower is better. */
        VALIDATION_LOSS,
        /** The accuracy on the validation data; higher is better. */
        VALIDATION_ACCURACY
    }

    private final Network network;
    private final Dataset validation;
    private final Loss loss;
    private final Metric metric;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBest;
    private final float[][] bestWeights;
    private double best = Double.NaN;
    private int bestEpoch;
    private int epochsWithoutImprovement;

    /**
     * @param network     the network being trained
     * @param validation  held-out examples, never trained on
     * @param loss        the loss for {@link Metric#VALIDATION_LOSS} (usually the training loss)
     * @param metric      what to watch
     * @param patience    epochs without improvement before stopping, at least 1
     * @param minDelta    the smallest change that counts as an improvement, at least 0
     * @param restoreBest whether to put back the best epoch's weights at the end
     */
    public EarlyStopping(Network network, Dataset validation, Loss loss, Metric metric, int patience, double minDelta,
                         boolean restoreBest) {
        if (patience < 1 || !(minDelta >= 0)) {
            throw new InvalidConfigurationException("Early stopping needs a patience of at least 1 epoch and a"
                    + " minimum improvement of at least 0, found patience " + patience + " and minDelta " + minDelta
                    + ": for example patience 5, minDelta 0.");
        }
        this.network = network;
        this.validation = validation;
        this.loss = loss;
        this.metric = metric;
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
        List<Parameter> parameters = network.parameters();
        this.bestWeights = new float[parameters.size()][];
        for (int p = 0; p < bestWeights.length; p++) {
            bestWeights[p] = new float[parameters.get(p).size()];
        }
    }

    @Override
    public void onEpochEnd(EpochReport report) {
        double value = metric == Metric.VALIDATION_LOSS
                ? Evaluation.loss(network, validation, loss)
                : Evaluation.accuracy(network, validation);
        boolean improved = !Double.isNaN(value) && (bestEpoch == 0
                || (metric == Metric.VALIDATION_LOSS ? value < best - minDelta : value > best + minDelta));
        if (improved) {
            best = value;
            bestEpoch = report.epoch();
            epochsWithoutImprovement = 0;
            List<Parameter> parameters = network.parameters();
            for (int p = 0; p < bestWeights.length; p++) {
                System.arraycopy(parameters.get(p).values(), 0, bestWeights[p], 0, bestWeights[p].length);
            }
        } else {
            epochsWithoutImprovement++;
        }
        LOG.info("epoch {}: {} = {} (best {} at epoch {})", report.epoch(), metric, value, best, bestEpoch);
    }

    @Override
    public boolean stopRequested() {
        return epochsWithoutImprovement >= patience;
    }

    @Override
    public void onTrainingEnd(TrainingHistory history) {
        if (restoreBest && bestEpoch > 0) {
            List<Parameter> parameters = network.parameters();
            for (int p = 0; p < bestWeights.length; p++) {
                System.arraycopy(bestWeights[p], 0, parameters.get(p).values(), 0, bestWeights[p].length);
            }
            LOG.info("restored the weights of epoch {} ({} = {})", bestEpoch, metric, best);
        }
    }

    /** The best metric value seen so far (NaN before the first epoch). */
    public double best() {
        return best;
    }

    /** The epoch (from 1) whose weights were best, 0 before the first epoch. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
