package dev.backprop.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BatchSeriesTest {

    @Test
    void series_belowCapacity_keepsEveryBatch() {
        BatchSeries series = new BatchSeries(16);
        for (int i = 1; i <= 10; i++) {
            series.add(i / 10.0, i);
        }
        Views.BatchColumns all = series.all();
        assertEquals(10, all.x().length);
        assertEquals(1, all.stride());
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, all.loss());
    }

    @Test
    void series_longRun_staysWithinCapacityAndKeepsTheMean() {
        BatchSeries series = new BatchSeries(16);
        int batches = 1000;
        double[] losses = new double[batches];
        for (int i = 0; i < batches; i++) {
            losses[i] = Math.sin(i) + 2;
            series.add(i, losses[i]);
        }
        Views.BatchColumns all = series.all();
        assertTrue(all.x().length < 16, "kept " + all.x().length);
        int covered = all.x().length * all.stride();
        assertTrue(covered <= batches && covered > batches - all.stride(), "only the last unfinished point is missing");
        double meanOfPoints = Arrays.stream(all.loss()).average().orElseThrow();
        assertEquals(Arrays.stream(losses, 0, covered).average().orElseThrow(), meanOfPoints, 1e-12);
        assertEquals((covered - 1) / 2.0, Arrays.stream(all.x()).average().orElseThrow(), 1e-9);
    }

    @Test
    void smoothed_isTheBiasCorrectedMovingAverage() {
        BatchSeries series = new BatchSeries(16);
        series.add(0.1, 4);
        series.add(0.2, 2);
        double beta = BatchSeries.SMOOTHING;
        double expected = ((1 - beta) * beta * 4 + (1 - beta) * 2) / (1 - beta * beta);
        assertEquals(4, series.all().smoothed()[0], 1e-12, "the first batch's average is its own loss");
        assertEquals(expected, series.all().smoothed()[1], 1e-12);
    }

    @Test
    void takeNew_givesThePointsSinceTheLastCall_orNullAfterHalving() {
        BatchSeries series = new BatchSeries(4);
        series.add(1, 1);
        series.add(2, 2);
        assertEquals(2, series.takeNew().x().length);
        series.add(3, 3);
        assertArrayEquals(new double[] {3}, series.takeNew().x());
        series.add(4, 4);   // full at 4: halved to 2 points of 2 batches
        assertNull(series.takeNew(), "a halved series must be reloaded whole");
        assertArrayEquals(new double[] {1.5, 3.5}, series.all().loss());
        series.add(5, 5);
        assertEquals(0, series.takeNew().x().length, "stride 2: no point for one batch yet");
        series.add(6, 6);
        Views.BatchColumns after = series.takeNew();
        assertNotNull(after);
        assertArrayEquals(new double[] {5.5}, after.loss());
        assertEquals(2, after.stride());
    }

    @Test
    void nonFiniteLosses_areLeftOut() {
        BatchSeries series = new BatchSeries(4);
        series.add(1, Double.NaN);
        series.add(2, 1);
        assertArrayEquals(new double[] {1}, series.all().loss());
    }
}
