package dev.backprop.io.model;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The primitive reader of a model file: big-endian values as {@link java.io.DataOutputStream} wrote
 * them, counted (so messages say at which byte the file went wrong), checksummed (CRC32 of every byte
 * read) and bounded by the file's size (so a corrupted count or size fails before anything is
 * allocated). Each read names what it reads; a file that ends early or holds broken text becomes a
 * {@link ModelFormatException} saying what was being read and where. Knows nothing of sections. One
 * reader reads one file; not thread-safe.
 */
final class ModelInput {

    /** The largest array the JVM reliably allocates, as in {@code ArraysSupport.SOFT_MAX_ARRAY_LENGTH}. */
    static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    /** The advice every message about a damaged file ends with. */
    static final String DAMAGED_ADVICE = "The file is truncated or corrupted: copy it again, or save the model"
            + " again.";

    private static final int CHUNK_BYTES = 8192;

    private final Path file;
    private final long fileSize;
    private final CountingInputStream counter;
    private final CRC32 crc = new CRC32();
    private final DataInputStream data;

    /**
     * @param in       the file's bytes from the start; not closed here
     * @param file     the file, for messages
     * @param fileSize the file's length in bytes, to reject impossible sizes before allocating
     */
    ModelInput(InputStream in, Path file, long fileSize) {
        this.file = file;
        this.fileSize = fileSize;
        this.counter = new CountingInputStream(in);
        this.data = new DataInputStream(new CheckedInputStream(counter, crc));
    }

    /** The file, for messages. */
    Path file() {
        return file;
    }

    /** Up to {@code count} bytes from the current position (fewer only at the end of the file). */
    byte[] readBytes(int count) throws IOException {
        return data.readNBytes(count);
    }

    int readInt(String what) throws IOException {
        try {
            return data.readInt();
        } catch (EOFException e) {
            throw endsEarly(what, e);
        }
    }

    /** A count or size, which cannot be negative. */
    int readCount(String what) throws IOException {
        int value = readInt(what);
        if (value < 0) {
            throw corrupted(what + " is " + value + ", but it cannot be negative");
        }
        return value;
    }

    /**
     * A count that must lie in {@code [min, max]}, checked before anything is sized by it.
     *
     * @throws ModelFormatException naming {@code what}, the value found and the allowed range
     */
    int readCount(String what, int min, int max) throws IOException {
        int value = readInt(what);
        String problem = ModelLimits.outside(what, value, min, max);
        if (problem != null) {
            throw corrupted(problem);
        }
        return value;
    }

    long readLong(String what) throws IOException {
        try {
            return data.readLong();
        } catch (EOFException e) {
            throw endsEarly(what, e);
        }
    }

    double readDouble(String what) throws IOException {
        try {
            return data.readDouble();
        } catch (EOFException e) {
            throw endsEarly(what, e);
        }
    }

    byte readByte(String what) throws IOException {
        try {
            return data.readByte();
        } catch (EOFException e) {
            throw endsEarly(what, e);
        }
    }

    /** A boolean as {@link java.io.DataOutputStream#writeBoolean} writes it; any non-zero byte is true. */
    boolean readBoolean(String what) throws IOException {
        try {
            return data.readBoolean();
        } catch (EOFException e) {
            throw endsEarly(what, e);
        }
    }

    /** Text as {@link java.io.DataOutputStream#writeUTF} writes it. */
    String readUtf(String what) throws IOException {
        try {
            return data.readUTF();
        } catch (EOFException e) {
            throw endsEarly(what, e);
        } catch (UTFDataFormatException e) {
            throw new ModelFormatException("Model file " + file + " is corrupted: " + what + " before byte "
                    + counter.position() + " is not valid text (" + e.getMessage() + "). " + DAMAGED_ADVICE, e);
        }
    }

    /** Fills {@code values} with big-endian IEEE 754 floats. */
    void readFloats(float[] values, String what) throws IOException {
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.BIG_ENDIAN);
        int next = 0;
        try {
            while (next < values.length) {
                int count = Math.min(values.length - next, CHUNK_BYTES / Float.BYTES);
                data.readFully(chunk, 0, count * Float.BYTES);
                buffer.clear();
                for (int i = 0; i < count; i++) {
                    values[next++] = buffer.getFloat();
                }
            }
        } catch (EOFException e) {
            throw endsEarly(what, e);
        }
    }

    /**
     * Fails before allocating when fewer than {@code bytes} (plus the 8-byte checksum) remain.
     *
     * @param bytes the bytes {@code what} needs, computed in {@code long} so that no size overflows
     */
    void requireRemaining(long bytes, String what) {
        long remaining = fileSize - counter.position();
        if (bytes < 0 || bytes > remaining - Long.BYTES) {
            throw new ModelFormatException("Model file " + file + " ends early at byte " + fileSize + ": " + what
                    + " needs " + bytes + " bytes after byte " + counter.position() + ", but only "
                    + Math.max(remaining - Long.BYTES, 0) + " remain before the checksum. " + DAMAGED_ADVICE);
        }
    }

    /** Fails when {@code values} values are more than a Java array holds. */
    void requireArraySize(long values, String what) {
        if (values > MAX_VALUES) {
            throw corrupted(what + " claims " + values + " values, more than a Java array holds (" + MAX_VALUES
                    + ")");
        }
    }

    /** The error for a structurally impossible value just read. */
    ModelFormatException corrupted(String problem) {
        return new ModelFormatException("Model file " + file + " is corrupted: " + problem + " (before byte "
                + counter.position() + "). " + DAMAGED_ADVICE);
    }

    /**
     * The error for content that cannot be read further ({@code problem}), once the checksum has had its
     * say: reads the rest of the file through the checksum without keeping it, so that a changed byte is
     * reported as corruption, and only a file whose checksum holds is blamed on {@code problem}.
     *
     * @param problem what was expected and what was found
     * @param fix     how to fix it
     */
    ModelFormatException unreadable(String problem, String fix) throws IOException {
        long before = counter.position();
        long rest = fileSize - before - Long.BYTES;
        byte[] skip = new byte[CHUNK_BYTES];
        try {
            while (rest > 0) {
                int n = (int) Math.min(rest, skip.length);
                data.readFully(skip, 0, n);
                rest -= n;
            }
        } catch (EOFException e) {
            throw endsEarly("the rest of the file", e);
        }
        if (rest < 0) {
            throw endsEarly("the checksum", new EOFException());
        }
        checkStoredChecksum();
        return new ModelFormatException("Model file " + file + " passes its checksum but cannot be read at byte "
                + before + ": " + problem + ". It was not written by this Backprop's ModelFiles.save: " + fix);
    }

    /** Reads the stored checksum, compares it with the bytes read, and requires the file to end there. */
    void verifyChecksum() throws IOException {
        checkStoredChecksum();
        if (data.read() >= 0) {
            throw new ModelFormatException("Model file " + file + " has " + (fileSize - counter.position() + 1)
                    + " unexpected bytes after its checksum at byte " + (counter.position() - 1)
                    + ": expected the file to end there. It may have been appended to or joined with another file;"
                    + " restore it from a good copy, or save the model again.");
        }
    }

    private void checkStoredChecksum() throws IOException {
        long computed = crc.getValue();
        long stored = readLong("the checksum");
        if (stored != computed) {
            throw new ModelFormatException("Model file " + file + " is corrupted: its stored checksum is "
                    + hex(stored) + " but its content gives " + hex(computed)
                    + ", so some bytes changed after it was saved (a disk or transfer error, or an edit)."
                    + " Restore the file from a good copy, or save the model again.");
        }
    }

    private ModelFormatException endsEarly(String what, EOFException e) {
        return new ModelFormatException("Model file " + file + " ends early at byte " + counter.position()
                + " (of " + fileSize + ") while reading " + what + ": expected more data. " + DAMAGED_ADVICE, e);
    }

    private static String hex(long checksum) {
        return String.format("%08x", checksum);
    }

    /** Counts the bytes read through it, so messages can say where the file went wrong. */
    private static final class CountingInputStream extends FilterInputStream {

        private long position;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long position() {
            return position;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                position++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                position += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            position += skipped;
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
