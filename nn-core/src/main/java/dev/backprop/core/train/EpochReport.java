package dev.backprop.core.train;

/**
 * What one epoch of training achieved.
 *
 * @param epoch              the epoch just finished, counted from 1
 * @param epochs             the number of epochs planned
 * @param loss               the mean training loss over the epoch's batches, weighted by batch size
 * @param examples           the number of examples seen in the epoch
 * @param seconds            the wall-clock time the epoch took (training only, not validation)
 * @param learningRate       the optimizer's learning rate during the epoch (after the schedule)
 * @param accuracy           the running training accuracy: the fraction of the epoch's examples that
 *                           their own batch's forward pass classified right (as Keras reports it: the
 *                           weights change during the epoch and dropout is on), by the rule of
 *                           {@link Evaluation#accuracy}
 * @param validationLoss     the loss on the validation data after the epoch; NaN without validation data
 * @param validationAccuracy the accuracy on the validation data after the epoch; NaN without it
 */
public record EpochReport(int epoch, int epochs, double loss, int examples, double seconds, double learningRate,
                          double accuracy, double validationLoss, double validationAccuracy) {

    /** A report without accuracy or validation figures (all NaN). */
    public EpochReport(int epoch, int epochs, double loss, int examples, double seconds, double learningRate) {
        this(epoch, epochs, loss, examples, seconds, learningRate, Double.NaN, Double.NaN, Double.NaN);
    }

    /** Whether the epoch was measured on validation data. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
