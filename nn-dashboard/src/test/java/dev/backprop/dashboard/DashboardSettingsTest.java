package dev.backprop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

    @Test
    void defaults_pickAFreePort() {
        assertEquals(0, DashboardSettings.defaults().port());
        assertEquals(8080, DashboardSettings.defaults().withPort(8080).port());
    }

    @Test
    void port_outOfRange_saysTheRangeAndThatZeroPicksAFreePort() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> DashboardSettings.defaults().withPort(70_000));
        assertTrue(e.getMessage().contains("between 0 and 65535"), e.getMessage());
        assertTrue(e.getMessage().contains("0 picks a free port"), e.getMessage());
        assertTrue(e.getMessage().contains("70000"), e.getMessage());
    }

    @Test
    void durations_mustBePositive() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> DashboardSettings.defaults().withSampleInterval(Duration.ZERO));
        assertTrue(e.getMessage().contains("sample interval must be positive"), e.getMessage());
    }

    @Test
    void maxBatchPoints_mustBeEven() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> DashboardSettings.defaults().withMaxBatchPoints(101));
        assertTrue(e.getMessage().contains("must be even") && e.getMessage().contains("use 102"), e.getMessage());
    }

    @Test
    void counts_haveTheirMinimum() {
        assertThrows(InvalidConfigurationException.class, () -> DashboardSettings.defaults().withProbeRows(0));
        assertThrows(InvalidConfigurationException.class, () -> DashboardSettings.defaults().withHistogramBins(1));
    }
}
