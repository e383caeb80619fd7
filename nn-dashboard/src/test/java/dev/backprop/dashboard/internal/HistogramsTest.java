package dev.backprop.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HistogramsTest {

    @Test
    void histogram_countsEveryFiniteValueInEqualBins() {
        float[] values = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        Views.Histogram histogram = Histograms.of(values, 5);
        assertEquals(0, histogram.min());
        assertEquals(10, histogram.max());
        assertArrayEquals(new long[] {2, 2, 2, 2, 3}, histogram.counts(), "the maximum falls in the last bin");
    }

    @Test
    void histogram_countsNonFiniteValuesApart() {
        Views.Histogram histogram = Histograms.of(new float[] {1, Float.NaN, 2, Float.POSITIVE_INFINITY}, 4);
        assertEquals(2, histogram.nonFinite());
        assertEquals(2, Arrays.stream(histogram.counts()).sum());
    }

    @Test
    void histogram_ofEqualValues_putsThemInOneBin() {
        Views.Histogram histogram = Histograms.of(new float[][] {{0.5f, 0.5f}, {0.5f}}, 4);
        assertEquals(3, Arrays.stream(histogram.counts()).max().orElseThrow());
        assertEquals(3, Arrays.stream(histogram.counts()).sum());
    }

    @Test
    void histogram_withoutFiniteValues_isEmpty() {
        Views.Histogram histogram = Histograms.of(new float[] {Float.NaN}, 3);
        assertEquals(0, Arrays.stream(histogram.counts()).sum());
        assertEquals(1, histogram.nonFinite());
    }

    @Test
    void norm_isTheEuclideanLength() {
        assertEquals(5, Histograms.norm(new float[] {3, 4}), 1e-12);
    }
}
