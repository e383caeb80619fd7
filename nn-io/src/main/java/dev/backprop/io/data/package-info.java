/**
 * Data sets from files: {@link dev.backprop.io.data.IdxFiles} reads the IDX files of the MNIST family
 * (plain or gzipped), {@link dev.backprop.io.data.IdxDatasets} turns images and labels into a
 * {@link dev.backprop.core.data.Dataset}, and {@link dev.backprop.io.data.MnistFolder} loads the train
 * and test sets of an MNIST-format folder in one call. {@link dev.backprop.io.data.CsvDataset} reads numeric CSV
 * tables with a label column, {@link dev.backprop.io.data.Split} and {@link dev.backprop.io.data.Scaler}
 * split and scale them, and {@link dev.backprop.io.data.CsvDatasets} does all three. Every failure is a
 * {@link dev.backprop.io.data.DatasetFormatException} naming the file.
 */
package dev.backprop.io.data;
