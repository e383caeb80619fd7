package dev.backprop.io.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * The primitive writer of a model file, the counterpart of {@link ModelInput}: big-endian values as
 * {@link DataOutputStream} writes them, every byte added to a CRC32 that {@link #finish} appends.
 * Knows nothing of sections or files. Not thread-safe.
 */
final class ModelOutput {

    /** Floats are written in chunks of this many bytes rather than one call per value. */
    private static final int CHUNK_BYTES = 8192;

    private final OutputStream out;
    private final CRC32 crc = new CRC32();
    private final DataOutputStream data;

    /** @param out where the bytes go; flushed by {@link #finish}, never closed here */
    ModelOutput(OutputStream out) {
        this.out = out;
        this.data = new DataOutputStream(new CheckedOutputStream(out, crc));
    }

    void writeBytes(byte[] bytes) throws IOException {
        data.write(bytes);
    }

    void writeInt(int value) throws IOException {
        data.writeInt(value);
    }

    void writeLong(long value) throws IOException {
        data.writeLong(value);
    }

    void writeDouble(double value) throws IOException {
        data.writeDouble(value);
    }

    void writeByte(int value) throws IOException {
        data.writeByte(value);
    }

    void writeBoolean(boolean value) throws IOException {
        data.writeBoolean(value);
    }

    /** Text as {@link DataOutputStream#writeUTF} writes it: a two-byte length, then modified UTF-8. */
    void writeUtf(String value) throws IOException {
        data.writeUTF(value);
    }

    /** The first {@code count} values, big-endian IEEE 754 as {@link DataOutputStream#writeFloat} would write them. */
    void writeFloats(float[] values, int count) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.BIG_ENDIAN);
        for (int i = 0; i < count; i++) {
            if (!chunk.hasRemaining()) {
                data.write(chunk.array(), 0, chunk.position());
                chunk.clear();
            }
            chunk.putFloat(values[i]);
        }
        data.write(chunk.array(), 0, chunk.position());
    }

    /** Appends the checksum of every byte written so far (not of itself) and flushes. */
    void finish() throws IOException {
        data.flush();
        DataOutputStream trailer = new DataOutputStream(out);
        trailer.writeLong(crc.getValue());
        trailer.flush();
    }
}
