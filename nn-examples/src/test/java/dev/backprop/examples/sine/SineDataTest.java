package dev.backprop.examples.sine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import org.junit.jupiter.api.Test;

class SineDataTest {

    @Test
    void points_lieOnTheSineCurveWithinMinusPiToPi() {
        Dataset data = SineData.training(500, 7);
        assertEquals(500, data.size());
        double smallest = Double.MAX_VALUE;
        double largest = -Double.MAX_VALUE;
        for (int i = 0; i < data.size(); i++) {
            float x = data.features(i)[0];
            smallest = Math.min(smallest, x);
            largest = Math.max(largest, x);
            assertEquals(Math.sin(x), data.targets(i)[0], 1e-6, "y = sin(x) at x = " + x);
        }
        assertTrue(smallest >= -Math.PI && largest <= Math.PI, smallest + " .. " + largest);
        assertTrue(smallest < -3 && largest > 3, "500 uniform draws cover the interval: " + smallest + " .. " + largest);
    }

    @Test
    void sameSeed_givesTheSamePoints() {
        assertArrayEquals(SineData.training(50, 3).features(49), SineData.training(50, 3).features(49));
        assertArrayEquals(SineData.heldOut(50, 3).features(0), SineData.heldOut(50, 3).features(0));
    }

    @Test
    void heldOutPoints_differFromTheTrainingPoints() {
        Dataset training = SineData.training(100, 42);
        Dataset heldOut = SineData.heldOut(100, 42);
        for (int i = 0; i < 100; i++) {
            assertFalse(training.features(i)[0] == heldOut.features(i)[0], "point " + i + " drawn twice");
        }
    }

    @Test
    void noPoints_isRejected() {
        assertThrows(InvalidConfigurationException.class, () -> SineData.training(0, 1));
    }
}
