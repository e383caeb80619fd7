package dev.backprop.io.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small IDX files for tests: images with predictable pixels, labels, and raw bytes. */
final class IdxTestFiles {

    private IdxTestFiles() {
    }

    /** The pixel of image {@code image} at {@code position}: distinct, predictable, 0 to 255. */
    static int pixel(int image, int position) {
        return (image * 31 + position * 7) % 256;
    }

    /** The label of example {@code index} for {@code classes} classes. */
    static int label(int index, int classes) {
        return (index * 3 + 1) % classes;
    }

    /** The bytes of an image file of {@code count} images of {@code rows × columns} pixels. */
    static byte[] images(int count, int rows, int columns) {
        ByteBuffer buffer = ByteBuffer.allocate(16 + count * rows * columns);
        buffer.putInt(0x00000803).putInt(count).putInt(rows).putInt(columns);
        for (int image = 0; image < count; image++) {
            for (int position = 0; position < rows * columns; position++) {
                buffer.put((byte) pixel(image, position));
            }
        }
        return buffer.array();
    }

    /** The bytes of a label file of {@code count} labels below {@code classes}. */
    static byte[] labels(int count, int classes) {
        ByteBuffer buffer = ByteBuffer.allocate(8 + count);
        buffer.putInt(0x00000801).putInt(count);
        for (int i = 0; i < count; i++) {
            buffer.put((byte) label(i, classes));
        }
        return buffer.array();
    }

    /** {@code bytes} compressed with gzip. */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An MNIST-format folder: {@code train} and {@code test} examples of 4 × 4 pixels, 10 classes;
     * the training files gzipped, the test files plain.
     */
    static Path mnistFolder(Path folder, int train, int test) {
        write(folder.resolve("train-images-idx3-ubyte.gz"), gzip(images(train, 4, 4)));
        write(folder.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(train, 10)));
        write(folder.resolve("t10k-images-idx3-ubyte"), images(test, 4, 4));
        write(folder.resolve("t10k-labels-idx1-ubyte"), labels(test, 10));
        return folder;
    }
}
