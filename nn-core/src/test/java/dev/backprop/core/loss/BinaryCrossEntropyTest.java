package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryCrossEntropyTest {

    private final BinaryCrossEntropy bce = new BinaryCrossEntropy();

    @Test
    void averagesOverEveryOutputAndExample() {
        float[] gradient = new float[4];
        double value = bce.evaluate(new float[] {0.8f, 0.3f, 0.5f, 0.9f}, new float[] {1f, 0f, 1f, 1f}, 2, 2,
                gradient);

        double expected = -(Math.log(0.8) + Math.log(0.7) + Math.log(0.5) + Math.log(0.9)) / 4;
        assertEquals(expected, value, 1e-6);
        // (p − y) / (p(1 − p)) / 4
        assertArrayEquals(new float[] {(float) (-0.2 / 0.16 / 4), (float) (0.3 / 0.21 / 4), -0.5f, (float) (-0.1
                / 0.09 / 4)}, gradient, 1e-5f);
    }

    @Test
    void softTargetsMixBothTerms() {
        double value = bce.evaluate(new float[] {0.25f}, new float[] {0.5f}, 1, 1, new float[1]);

        assertEquals(-(0.5 * Math.log(0.25) + 0.5 * Math.log(0.75)), value, 1e-7);
    }

    @Test
    void confidentMistakesAreLargeButFiniteAndConfidentHitsCostNearlyNothing() {
        float[] gradient = new float[4];
        // p = 0 and p = 1 on the wrong side, then on the right side.
        double value = bce.evaluate(new float[] {0f, 1f, 1f, 0f}, new float[] {1f, 0f, 1f, 0f}, 1, 4, gradient);

        double mistake = -Math.log(BinaryCrossEntropy.EPSILON);
        assertTrue(Double.isFinite(value));
        assertEquals((2 * mistake + 2 * BinaryCrossEntropy.EPSILON) / 4, value, 1e-6);
        // Clipped: the gradient of the clipped function is 0 there, and certainly finite.
        assertArrayEquals(new float[] {0f, 0f, 0f, 0f}, gradient, 0f);
    }

    @Test
    void valueIsContinuousAtTheClipBound() {
        double inside = bce.value(BinaryCrossEntropy.EPSILON, 1);
        double outside = bce.value(0, 1);

        assertEquals(outside, inside, 1e-12);
        assertEquals(-Math.log(BinaryCrossEntropy.EPSILON), outside, 1e-12);
    }
}
