package dev.backprop.io.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Reads the IDX files of the MNIST family (MNIST, Fashion-MNIST, EMNIST, ...), plain or gzipped.
 *
 * <pre>{@code
 * IdxImages images = IdxFiles.readImages(Path.of("train-images-idx3-ubyte.gz"));
 * IdxLabels labels = IdxFiles.readLabels(Path.of("train-labels-idx1-ubyte.gz"));
 * Dataset train = IdxDatasets.of(images, labels, 10);
 * }</pre>
 *
 * <h2>Format</h2>
 * Big-endian. An image file starts with the magic number {@code 0x00000803} (unsigned bytes, three
 * dimensions), then the image count, the rows and the columns as 4-byte integers, then
 * {@code count × rows × columns} pixels, one unsigned byte each, image by image, row by row. A label
 * file starts with {@code 0x00000801} (unsigned bytes, one dimension), then the count, then one
 * unsigned byte per label. The file may be gzipped as a whole; gzip is recognised by its magic bytes
 * {@code 1f 8b}, whatever the file is called.
 *
 * <h2>Checks</h2>
 * Every failure is a {@link DatasetFormatException} that names the file: a missing or unreadable
 * file, a magic number of another kind (a label file given for images, or no IDX file at all), a
 * count of zero or an empty image size, a file that ends before the data its header declares
 * (truncated), bytes after that data, and corrupt gzip data. The data is read in bulk into one array,
 * so the 60000 MNIST training images load in a fraction of a second.
 *
 * <p>Stateless and thread-safe.
 */
public final class IdxFiles {

    private IdxFiles() {
    }

    /**
     * Reads an IDX image file.
     *
     * @param file an IDX file with magic {@code 0x00000803}, plain or gzipped
     * @throws DatasetFormatException if the file is missing, not an image file, empty, truncated or
     *                                followed by extra bytes
     */
    public static IdxImages readImages(Path file) {
        return new IdxImages(IdxReader.read(Objects.requireNonNull(file, "file"), IdxKind.IMAGES));
    }

    /**
     * Reads an IDX label file.
     *
     * @param file an IDX file with magic {@code 0x00000801}, plain or gzipped
     * @throws DatasetFormatException if the file is missing, not a label file, empty, truncated or
     *                                followed by extra bytes
     */
    public static IdxLabels readLabels(Path file) {
        return new IdxLabels(IdxReader.read(Objects.requireNonNull(file, "file"), IdxKind.LABELS));
    }
}
