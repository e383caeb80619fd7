package dev.backprop.io.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * The images of one IDX image file: {@link #count()} images of {@link #rows()} × {@link #columns()}
 * unsigned-byte pixels, stored as one contiguous array. Read one with {@link IdxFiles#readImages}.
 * Immutable.
 */
public final class IdxImages {

    /** What a pixel byte is divided by to give its feature: pixels are 0 to 255, features 0 to 1. */
    static final float PIXEL_DIVISOR = 255f;

    private static final float[] SCALED = scaledPixels();

    private final Path file;
    private final int count;
    private final int rows;
    private final int columns;
    private final byte[] pixels;

    IdxImages(IdxContent content) {
        this.file = content.file();
        this.count = content.dimensions()[0];
        this.rows = content.dimensions()[1];
        this.columns = content.dimensions()[2];
        this.pixels = content.values();
    }

    /** The file the images were read from (absolute). */
    public Path file() {
        return file;
    }

    /** The number of images, at least 1. */
    public int count() {
        return count;
    }

    /** The height of each image in pixels. */
    public int rows() {
        return rows;
    }

    /** The width of each image in pixels. */
    public int columns() {
        return columns;
    }

    /** The number of pixels per image, {@code rows × columns}: the feature width of a data set. */
    public int pixelsPerImage() {
        return rows * columns;
    }

    /**
     * One pixel, 0 to 255.
     *
     * @param image    the image, from 0
     * @param position the pixel within the image, row-major ({@code row × columns + column})
     */
    public int pixel(int image, int position) {
        Objects.checkIndex(image, count);
        Objects.checkIndex(position, pixelsPerImage());
        return pixels[image * pixelsPerImage() + position] & 0xff;
    }

    /**
     * The first {@code min(limit, count)} images as features: one row of {@code rows × columns} values
     * per image, each pixel divided by 255 (so in [0, 1]), all rows in one row-major array.
     *
     * @param limit the most images to convert, at least 1
     */
    public float[] features(int limit) {
        int used = IdxDatasets.requireLimit(limit, count);
        float[] features = new float[used * pixelsPerImage()];
        for (int i = 0; i < features.length; i++) {
            features[i] = SCALED[pixels[i] & 0xff];
        }
        return features;
    }

    /**
     * The pixels of the first {@code used} images, as stored (the array itself when it is all of them;
     * neither side ever writes to it).
     */
    byte[] pixels(int used) {
        int length = used * pixelsPerImage();
        return length == pixels.length ? pixels : Arrays.copyOf(pixels, length);
    }

    @Override
    public String toString() {
        return count + " images of " + rows + " × " + columns + " pixels from " + file;
    }

    private static float[] scaledPixels() {
        float[] scaled = new float[256];
        for (int value = 0; value < scaled.length; value++) {
            scaled[value] = value / PIXEL_DIVISOR;
        }
        return scaled;
    }
}
