package dev.backprop.core.train;

/**
 * What one mini-batch step achieved.
 *
 * @param epoch   the current epoch, counted from 1
 * @param batch   the batch just finished, counted from 1 within the epoch
 * @param batches the number of batches per epoch
 * @param rows    the examples in this batch
 * @param loss    the batch loss before the update
 */
public record BatchReport(int epoch, int batch, int batches, int rows, double loss) {
}
