package dev.backprop.dashboard;

import dev.backprop.api.InvalidConfigurationException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Dashboard} serves and samples a run. Immutable and validated; start from
 * {@link #defaults()} and change what you need with the {@code with...} methods.
 *
 * @param port             the TCP port on 127.0.0.1; 0 lets the system pick a free one ({@link Dashboard#uri()}
 *                         tells which)
 * @param sampleInterval   how often, at most, the listener measures the layers (weight and gradient norms,
 *                         histograms) on the training thread; it also waits at least 200 times as long as the
 *                         last measurement took, so sampling costs under 0.5% of training time
 * @param probeRows        how many training examples the fixed probe batch holds (gradient norms and activation
 *                         histograms are measured on it)
 * @param histogramBins    the bins of each weight and activation histogram
 * @param maxBatchPoints   how many batch points the server keeps; older ones are averaged in pairs when the
 *                         series is full, so a page loads at most this many however long the run
 * @param publishInterval  how often the server takes the listener's metrics and sends them to open pages
 */
public record DashboardSettings(int port, Duration sampleInterval, int probeRows, int histogramBins,
                                int maxBatchPoints, Duration publishInterval) {

    /** The default port: 0, a free port chosen by the system. */
    public static final int ANY_FREE_PORT = 0;

    private static final int MAX_PORT = 65_535;

    /** Validates every setting; each message says the accepted range and how to fix the value. */
    public DashboardSettings {
        if (port < 0 || port > MAX_PORT) {
            throw new InvalidConfigurationException("The dashboard port must be between 0 and " + MAX_PORT
                    + " (0 picks a free port), but was " + port + ": give a free port such as 8080, or 0.");
        }
        Objects.requireNonNull(sampleInterval, "sample interval");
        Objects.requireNonNull(publishInterval, "publish interval");
        requirePositive("sample interval", sampleInterval, "such as 2 seconds");
        requirePositive("publish interval", publishInterval, "such as 200 milliseconds");
        requireAtLeast("probe rows", probeRows, 1, "such as 64");
        requireAtLeast("histogram bins", histogramBins, 2, "such as 30");
        requireAtLeast("max batch points", maxBatchPoints, 16, "such as 4000");
        if (maxBatchPoints % 2 != 0) {
            throw new InvalidConfigurationException("The dashboard's max batch points must be even (full series are"
                    + " halved by averaging pairs), but was " + maxBatchPoints + ": use " + (maxBatchPoints + 1) + ".");
        }
    }

    /** Port 0 (any free port), layers sampled every 2 s on 64 probe rows, 30 bins, 4000 batch points, 200 ms publishing. */
    public static DashboardSettings defaults() {
        return new DashboardSettings(ANY_FREE_PORT, Duration.ofSeconds(2), 64, 30, 4000, Duration.ofMillis(200));
    }

    /** A copy on {@code newPort} (0 for any free port). */
    public DashboardSettings withPort(int newPort) {
        return new DashboardSettings(newPort, sampleInterval, probeRows, histogramBins, maxBatchPoints,
                publishInterval);
    }

    /** A copy that samples the layers at most every {@code interval}. */
    public DashboardSettings withSampleInterval(Duration interval) {
        return new DashboardSettings(port, interval, probeRows, histogramBins, maxBatchPoints, publishInterval);
    }

    /** A copy whose probe batch holds {@code rows} examples. */
    public DashboardSettings withProbeRows(int rows) {
        return new DashboardSettings(port, sampleInterval, rows, histogramBins, maxBatchPoints, publishInterval);
    }

    /** A copy with {@code bins} bins per histogram. */
    public DashboardSettings withHistogramBins(int bins) {
        return new DashboardSettings(port, sampleInterval, probeRows, bins, maxBatchPoints, publishInterval);
    }

    /** A copy that keeps at most {@code points} batch points (even, at least 16). */
    public DashboardSettings withMaxBatchPoints(int points) {
        return new DashboardSettings(port, sampleInterval, probeRows, histogramBins, points, publishInterval);
    }

    /** A copy that publishes to the pages every {@code interval}. */
    public DashboardSettings withPublishInterval(Duration interval) {
        return new DashboardSettings(port, sampleInterval, probeRows, histogramBins, maxBatchPoints, interval);
    }

    private static void requirePositive(String name, Duration value, String example) {
        if (value.isNegative() || value.isZero()) {
            throw new InvalidConfigurationException("The dashboard's " + name + " must be positive, but was " + value
                    + ": give a duration " + example + ".");
        }
    }

    private static void requireAtLeast(String name, int value, int minimum, String example) {
        if (value < minimum) {
            throw new InvalidConfigurationException("The dashboard's " + name + " must be at least " + minimum
                    + ", but was " + value + ": give a value " + example + ".");
        }
    }
}
