package dev.backprop.io.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/** Edits a saved model file's bytes as a broken writer could have, then gives it a valid checksum again. */
final class ModelBytes {

    private ModelBytes() {
    }

    /**
     * Replaces the 4-byte int at {@code offset} past the only occurrence of {@code pattern} in {@code file}
     * with {@code value}, then rewrites the trailing CRC32 so that the checksum holds.
     */
    static void patchInt(Path file, byte[] pattern, int offset, int value) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, pattern);
        ByteBuffer.wrap(bytes).putInt(at + offset, value);
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        ByteBuffer.wrap(bytes).putLong(bytes.length - Long.BYTES, crc.getValue());
        Files.write(file, bytes);
    }

    /** The bytes of {@code values} as {@link java.io.DataOutputStream} writes ints and longs. */
    static byte[] ints(long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * Integer.BYTES);
        for (long value : values) {
            buffer.putInt((int) value);
        }
        return buffer.array();
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        int found = -1;
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            int k = 0;
            while (k < pattern.length && bytes[i + k] == pattern[k]) {
                k++;
            }
            if (k == pattern.length) {
                if (found >= 0) {
                    throw new AssertionError("the pattern occurs more than once, at " + found + " and " + i);
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new AssertionError("the pattern does not occur in the file");
        }
        return found;
    }
}
