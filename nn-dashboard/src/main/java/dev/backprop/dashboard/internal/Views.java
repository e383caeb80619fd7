package dev.backprop.dashboard.internal;

import java.util.List;
import java.util.Map;

/**
 * The JSON the page reads, as records (written by Jackson; non-finite numbers become {@code null}, see
 * {@link JsonWriter}). {@code x} is always the training position in epochs: batch {@code b} of
 * {@code n} in epoch {@code e} is at {@code e − 1 + b/n}, the end of epoch {@code e} at {@code e}.
 * {@code t} is seconds since the run started.
 */
public final class Views {

    private Views() {
    }

    /**
     * What is being shown: a run being trained, or one read from a model file.
     *
     * @param source            {@code "training"} or {@code "model file"}
     * @param loss              the loss id, or null when unknown
     * @param optimizer         the optimizer id, or null when unknown
     * @param optimizerSettings the optimizer's settings, as text
     * @param epochs            the epochs planned, or null when unknown
     * @param batchSize         the batch size, or null when unknown
     * @param examples          the training examples per epoch, or null when unknown
     * @param layers            the dense layers from the input's side
     * @param parameters        the number of trainable values
     * @param startedAt         when the run started (ISO-8601), or null for a model file
     */
    public record RunInfo(String source, String loss, String optimizer, Map<String, String> optimizerSettings,
                          Integer epochs, Integer batchSize, Integer examples, List<LayerInfo> layers, long parameters,
                          String startedAt) {
    }

    /**
     * One dense layer.
     *
     * @param name       {@code dense_1}, ... (its parameters' prefix)
     * @param activation the activation's id
     * @param inputs     its fan-in
     * @param units      its width
     */
    public record LayerInfo(String name, String activation, int inputs, int units) {
    }

    /**
     * Where training stands.
     *
     * @param state   {@code waiting}, {@code running}, {@code stopping}, {@code stopped}, {@code finished} or
     *                {@code failed}
     * @param message a sentence for the page, or null
     */
    public record Status(String state, String message) {
    }

    /**
     * Batch points, column by column (decimated: each point is the mean of {@code stride} batches).
     *
     * @param x        the training position of each point
     * @param loss     the mean batch loss of each point
     * @param smoothed an exponential moving average of the batch loss (bias-corrected), at each point
     * @param stride   how many batches each point stands for
     */
    public record BatchColumns(double[] x, double[] loss, double[] smoothed, int stride) {
    }

    /**
     * The live figures of the run.
     *
     * @param epoch             the current epoch
     * @param epochs            the epochs planned
     * @param batch             the last batch finished in the current epoch
     * @param batches           the batches per epoch
     * @param x                 the training position
     * @param learningRate      the learning rate of the current epoch
     * @param samplesPerSecond  training examples per second, recently
     * @param elapsedSeconds    seconds since the run started
     * @param etaSeconds        an estimate of the seconds left, or null before there is one
     */
    public record Progress(int epoch, int epochs, int batch, int batches, double x, double learningRate,
                           double samplesPerSecond, double elapsedSeconds, Double etaSeconds) {
    }

    /**
     * The {@code batches} event: the points completed since the last one, and the progress.
     *
     * @param points         the new points
     * @param progress       the figures after them
     * @param droppedBatches batch reports the listener had to drop because the server fell behind
     */
    public record BatchesEvent(BatchColumns points, Progress progress, long droppedBatches) {
    }

    /**
     * One epoch's report.
     *
     * @param epoch              the epoch, from 1
     * @param epochs             the epochs planned
     * @param loss               the mean training loss
     * @param accuracy           the running training accuracy, or null
     * @param validationLoss     the validation loss, or null
     * @param validationAccuracy the validation accuracy, or null
     * @param learningRate       the epoch's learning rate
     * @param seconds            the epoch's training time
     * @param examples           the examples seen
     * @param t                  when it ended, or null when read from a file
     */
    public record Epoch(int epoch, int epochs, double loss, double accuracy, double validationLoss,
                        double validationAccuracy, double learningRate, double seconds, int examples, Double t) {
    }

    /**
     * A histogram with equal bins from {@code min} to {@code max}.
     *
     * @param min       the smallest finite value
     * @param max       the largest finite value
     * @param counts    the values per bin
     * @param nonFinite the values that were NaN or infinite (not counted in a bin)
     */
    public record Histogram(double min, double max, long[] counts, long nonFinite) {
    }

    /**
     * One layer's measurement.
     *
     * @param name         {@code dense_1}, ...
     * @param weightNorm   the L2 norm of its weights
     * @param biasNorm     the L2 norm of its biases
     * @param gradientNorm the L2 norm of the loss gradient w.r.t. its weights on the probe batch, or NaN
     *                     without a probe
     * @param weights      the histogram of its weights
     * @param activations  the histogram of its activations on the probe batch, or null without a probe
     */
    public record LayerSample(String name, double weightNorm, double biasNorm, double gradientNorm,
                              Histogram weights, Histogram activations) {
    }

    /**
     * A measurement of every layer.
     *
     * @param x         the training position
     * @param t         seconds since the run started
     * @param probeLoss the loss on the probe batch, or NaN without a probe
     * @param layers    one per dense layer
     */
    public record Sample(double x, double t, double probeLoss, List<LayerSample> layers) {
    }

    /**
     * The norms of one sample, kept for the charts over time.
     *
     * @param x         the training position
     * @param t         seconds since the run started
     * @param weights   each layer's weight norm
     * @param gradients each layer's gradient norm (NaN without a probe)
     */
    public record NormPoint(double x, double t, double[] weights, double[] gradients) {
    }

    /**
     * The final evaluation.
     *
     * @param classes   the class names
     * @param counts    {@code counts[actual][predicted]}
     * @param precision per class
     * @param recall    per class
     * @param f1        per class
     * @param support   the examples of each class
     * @param accuracy  the fraction classified right
     * @param total     the examples evaluated
     */
    public record Evaluation(List<String> classes, long[][] counts, double[] precision, double[] recall,
                             double[] f1, long[] support, double accuracy, long total) {
    }

    /**
     * Everything the page shows, for a page that opens or reloads.
     *
     * @param lastEventId    the id of the last event included: the live stream goes on after it
     * @param run            what is shown, or null before a run starts
     * @param status         where training stands
     * @param batches        every batch point kept
     * @param progress       the live figures, or null before the first batch
     * @param epochs         every epoch's report, in order
     * @param norms          the norms of every sample kept, in order
     * @param latestSample   the last sample with its histograms, or null
     * @param evaluation     the final evaluation, or null
     * @param diagramVersion 0 without a network diagram; else changes with each new diagram
     * @param droppedBatches batch reports dropped because the server fell behind
     */
    public record History(long lastEventId, RunInfo run, Status status, BatchColumns batches, Progress progress,
                          List<Epoch> epochs, List<NormPoint> norms, Sample latestSample, Evaluation evaluation,
                          long diagramVersion, long droppedBatches) {
    }
}
