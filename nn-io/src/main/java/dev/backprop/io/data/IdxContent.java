package dev.backprop.io.data;

import java.nio.file.Path;

/**
 * The validated content of one IDX file: its dimensions as the header declares them and exactly
 * {@code product(dimensions)} unsigned bytes.
 *
 * @param file       the file, absolute, for messages
 * @param dimensions the sizes from the header, each at least 1
 * @param values     the data, row-major, one unsigned byte per value
 */
record IdxContent(Path file, int[] dimensions, byte[] values) {
}
