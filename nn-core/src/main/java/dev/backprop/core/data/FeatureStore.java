package dev.backprop.core.data;

/**
 * How a {@link Dataset} keeps its feature values, row-major: as floats ({@link FloatFeatures}), or as
 * unsigned bytes turned into floats as they are read ({@link ByteFeatures}, a quarter of the memory).
 * Immutable; reads from many threads at once are safe.
 */
sealed interface FeatureStore permits FloatFeatures, ByteFeatures {

    /** The number of values stored. */
    int length();

    /** Writes values {@code [from, from + count)} as floats into {@code into[at ...]}. */
    void read(int from, float[] into, int at, int count);

    /** A store of the rows of {@code width} values at {@code indices}, in that order (a new array). */
    FeatureStore rows(int[] indices, int width, int size);
}
