package dev.backprop.examples.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a small MNIST-format folder for tests: 4 × 4 images whose brightest pixel encodes the label,
 * so a network can learn them; training files gzipped, test files plain.
 */
public final class IdxFolderWriter {

    static final int SIDE = 4;
    static final int CLASSES = 10;

    private IdxFolderWriter() {
    }

    public static Path write(Path folder, int train, int test) {
        try {
            Files.write(folder.resolve("train-images-idx3-ubyte.gz"), gzip(images(train)));
            Files.write(folder.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(train)));
            Files.write(folder.resolve("t10k-images-idx3-ubyte"), images(test));
            Files.write(folder.resolve("t10k-labels-idx1-ubyte"), labels(test));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    private static byte[] images(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * SIDE * SIDE);
        buffer.putInt(0x00000803).putInt(count).putInt(SIDE).putInt(SIDE);
        for (int image = 0; image < count; image++) {
            for (int pixel = 0; pixel < SIDE * SIDE; pixel++) {
                buffer.put((byte) (pixel == image % CLASSES ? 255 : (image * 7 + pixel) % 40));
            }
        }
        return buffer.array();
    }

    private static byte[] labels(int count) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + count);
        buffer.putInt(0x00000801).putInt(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) (i % CLASSES));
        }
        return buffer.array();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
