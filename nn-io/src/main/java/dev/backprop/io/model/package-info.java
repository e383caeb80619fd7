/**
 * Model files: {@link dev.backprop.io.model.ModelFiles} saves a trained network with its
 * architecture and weights, and loads it back; every failure is a
 * {@link dev.backprop.io.model.ModelFormatException} naming the file.
 */
package dev.backprop.io.model;
