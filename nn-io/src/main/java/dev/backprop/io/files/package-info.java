/** Writing files safely: {@link dev.backprop.io.files.AtomicFileWriter} replaces a file all at once. */
package dev.backprop.io.files;
