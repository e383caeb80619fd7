package dev.backprop.core.internal;

/**
 * The non-zero entries of a strided vector, in order: their indices and values side by side. Lets a
 * kernel skip zero inputs without a branch in its vector loop (a branch around vector arithmetic makes
 * JDK 17's compiler box the vectors). One per thread, reused: it grows to the longest vector seen.
 */
final class NonZeroSteps {

    private int[] index = new int[0];
    private float[] value = new float[0];
    private int count;

    /**
     * Lists the non-zero entries of {@code x[q] = values[at + q·stride]} for {@code q < length}, replacing
     * the previous list; returns this.
     */
    NonZeroSteps collect(float[] values, int at, int stride, int length) {
        if (index.length < length) {
            index = new int[length];
            value = new float[length];
        }
        int found = 0;
        for (int q = 0; q < length; q++) {
            float entry = values[at + q * stride];
            index[found] = q;
            value[found] = entry;
            found += entry != 0f ? 1 : 0;
        }
        count = found;
        return this;
    }

    /** How many entries are listed. */
    int count() {
        return count;
    }

    /** The indices of the listed entries, in increasing order (valid up to {@link #count()}). */
    int[] index() {
        return index;
    }

    /** The listed entries' values (valid up to {@link #count()}). */
    float[] value() {
        return value;
    }
}
