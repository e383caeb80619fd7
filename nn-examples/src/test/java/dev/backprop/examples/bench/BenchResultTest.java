package dev.backprop.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BenchResultTest {

    @Test
    void of_derivesSamplesPerSecondAndGflopsFromTheWeightCount() {
        BenchSettings c2 = BenchOverrides.none().resolve(PeerConfig.C2);

        BenchResult result = BenchResult.of(c2, 2, 60_000, 0.8, 0.88, 512.4, 17.25, 412_345.6);

        assertEquals(75_000, result.samplesPerSecond(), 1e-9);
        assertEquals(6.0 * 234_752 * 75_000 / 1e9, result.gigaflops(), 1e-9);
        assertEquals("C2\t2\t0.8000\t75000.0\t105.638\t0.8800\t512\t17.25\t412346", result.tsvLine());
    }

    @Test
    void header_namesTheNineColumnsInOrder() {
        assertEquals("config\tthreads\tsec_per_epoch\tsamples_per_s\tgflops\ttest_acc\tpeak_heap_mb\tinfer_us"
                        + "\tinfer_batch_per_s",
                BenchResult.HEADER);
    }

    @Test
    void median_ofOddAndEvenCounts() {
        assertEquals(2.0, Median.of(new double[] {3, 1, 2}));
        assertEquals(2.5, Median.of(new long[] {4, 1, 3, 2}));
        assertEquals(Double.NaN, Median.of(new double[0]));
    }
}
