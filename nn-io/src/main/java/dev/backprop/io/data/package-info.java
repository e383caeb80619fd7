/**
 * Data sets from files: {@link dev.backprop.io.data.IdxFiles} reads the IDX files of the MNIST family
 * (plain or gzipped), {@link dev.backprop.io.data.IdxDatasets} turns images and labels into a
 * {@link dev.backprop.core.data.Dataset}, and {@link dev.backprop.io.data.MnistFolder} loads the train
 * and test sets of an MNIST-format folder in one call. {@link dev.backprop.io.data.CsvTableReader} reads a numeric CSV
 * file with a label column, as {@link dev.backprop.io.data.CsvReadOptions} describe, into a
 * {@link dev.backprop.io.data.CsvTable}; {@link dev.backprop.io.data.Split} and
 * {@link dev.backprop.io.data.Scaler} split and scale it, and {@link dev.backprop.io.data.CsvTrainingSplit#load}
 * does all three, giving a {@link dev.backprop.io.data.CsvTrainingSplit}. Every failure is a
 * {@link dev.backprop.io.data.DatasetFormatException} naming the file.
 */
package dev.backprop.io.data;
