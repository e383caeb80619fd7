package dev.backprop.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void progress_estimatesTheTimeLeftFromTheTimePerEpochSoFar() {
        ProgressMeter meter = new ProgressMeter(0, 10);
        assertNull(meter.progress(), "nothing before the first batch");
        // 2 epochs of 4 batches of 10 examples, one batch per second
        for (int i = 1; i <= 8; i++) {
            meter.add(new Message.BatchDone((i - 1) / 4 + 1, (i - 1) % 4 + 1, 4, 10, 1.0, 0.01, i * SECOND));
        }
        Views.Progress progress = meter.progress();
        assertEquals(2, progress.epoch());
        assertEquals(4, progress.batch());
        assertEquals(2.0, progress.x(), 1e-12);
        assertEquals(8.0, progress.elapsedSeconds(), 1e-12);
        assertEquals(32.0, progress.etaSeconds(), 1e-9, "8 epochs left at 4 s each");
        assertEquals(10.0, progress.samplesPerSecond(), 1e-9);
        assertEquals(0.01, progress.learningRate());
    }

    @Test
    void progress_ofAResumedRun_countsFromWhereItResumed() {
        ProgressMeter meter = new ProgressMeter(0, 10);
        meter.add(new Message.BatchDone(9, 1, 2, 5, 1.0, 0.01, SECOND));
        meter.add(new Message.BatchDone(9, 2, 2, 5, 1.0, 0.01, 2 * SECOND));
        assertEquals(2.0, meter.progress().etaSeconds(), 1e-9, "one epoch took 2 s, one is left");
    }
}
