package dev.backprop.core.train;

/**
 * What one epoch of training achieved.
 *
 * @param epoch    the epoch just finished, counted from 1
 * @param epochs   the number of epochs planned
 * @param loss     the mean training loss over the epoch's batches, weighted by batch size
 * @param examples the number of examples seen in the epoch
 * @param seconds  the wall-clock time the epoch took
 * @param learningRate the optimizer's learning rate during the epoch (after the schedule)
 */
public record EpochReport(int epoch, int epochs, double loss, int examples, double seconds, double learningRate) {
}
