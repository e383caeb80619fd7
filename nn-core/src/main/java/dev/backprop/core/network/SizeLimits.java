package dev.backprop.core.network;

import dev.backprop.api.InvalidConfigurationException;
import java.util.Locale;

/**
 * The two limits every size in Backprop is checked against before anything is allocated: one flat
 * array per tensor holds at most {@link #MAX_ARRAY_LENGTH} values, and everything a network needs
 * must fit in the heap the JVM may use ({@link #heapBytes()}). Sizes are computed in {@code long}, so
 * a hostile width or batch size is refused with an {@link InvalidConfigurationException} instead of
 * overflowing into a {@code NegativeArraySizeException} or an {@code OutOfMemoryError}.
 */
public final class SizeLimits {

    /** The most values one Java array may hold on common JVMs ({@code Integer.MAX_VALUE − 8}). */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    private static final double GIGABYTE = 1024.0 * 1024 * 1024;

    private SizeLimits() {
    }

    /** The most heap this JVM may use, {@code Runtime.getRuntime().maxMemory()}, in bytes. */
    public static long heapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    /** {@code "dense 784×128"}: a dense layer by its shape, for messages. */
    static String dense(int fanIn, int width) {
        return "dense " + fanIn + "×" + width;
    }

    /**
     * Refuses layer {@code number} (counted from 1) when its {@code fanIn × width} weights do not fit in
     * one array (its biases, {@code width} values, then fit too).
     *
     * @throws InvalidConfigurationException naming the layer, its size, the limit and the widest it may be
     */
    static void requireLayerFits(int number, int fanIn, int width) {
        long weights = (long) fanIn * width;
        if (weights > MAX_ARRAY_LENGTH) {
            throw new InvalidConfigurationException("Layer " + number + " (" + dense(fanIn, width) + ") needs "
                    + weights + " weights in one array, more than the " + MAX_ARRAY_LENGTH + " a Java array holds:"
                    + " give layer " + number + " at most " + MAX_ARRAY_LENGTH / fanIn + " neurons after its " + fanIn
                    + " inputs, or give it fewer inputs.");
        }
    }

    /** {@code bytes} in gigabytes with one decimal ({@code "12.3 GB"}; 1 GB = 2³⁰ bytes, as -Xmx counts). */
    static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f GB", bytes / GIGABYTE);
    }

    /** A heap comfortably above {@code bytes}, as an -Xmx value ({@code "16g"}). */
    static String suggestedHeap(long bytes) {
        return (long) Math.ceil(bytes * 1.25 / GIGABYTE) + "g";
    }
}
