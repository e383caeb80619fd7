/**
 * Model files: {@link dev.backprop.io.model.ModelFiles} saves a trained network with its architecture
 * and weights (optionally its training configuration and resume state), atomically, and reads it back
 * as a {@link dev.backprop.io.model.LoadedModel}; every failure is a
 * {@link dev.backprop.io.model.ModelFormatException} naming the file. Inside, {@code ModelInput} and
 * {@code ModelOutput} read and write primitive values (counted, checksummed, bounded by the file's
 * size), one class per section of the file reads and writes its bytes side by side, and
 * {@code ModelFormat} puts the sections in order.
 */
package dev.backprop.io.model;
