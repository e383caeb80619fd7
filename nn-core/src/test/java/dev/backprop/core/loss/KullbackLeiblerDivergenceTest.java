package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KullbackLeiblerDivergenceTest {

    private static final double EPSILON = KullbackLeiblerDivergence.EPSILON;

    private final KullbackLeiblerDivergence kl = new KullbackLeiblerDivergence();

    @Test
    void sumsOverOutputsAndAveragesOverExamples() {
        float[] gradient = new float[4];
        double value = kl.evaluate(new float[] {0.25f, 0.75f, 0.5f, 0.5f}, new float[] {0.5f, 0.5f, 1f, 0f}, 2, 2,
                gradient);

        double first = 0.5 * Math.log(0.5 / 0.25) + 0.5 * Math.log(0.5 / 0.75);
        double second = Math.log(1 / 0.5) + EPSILON * Math.log(EPSILON / 0.5); // the target 0 is clipped to ε
        assertEquals((first + second) / 2, value, 1e-7);
        // −ŷ / (p · B)
        assertArrayEquals(new float[] {-1f, (float) (-0.5 / 1.5), -1f, (float) -EPSILON}, gradient, 1e-7f);
    }

    @Test
    void isZeroWhenThePredictionIsTheTarget() {
        float[] distribution = {0f, 1f, 0.2f, 0.8f};
        assertEquals(0.0, kl.evaluate(distribution, distribution, 2, 2, new float[4]), 1e-12);
    }

    @Test
    void zeroPredictionIsLargeButFiniteWithZeroGradient() {
        float[] gradient = new float[2];
        double value = kl.evaluate(new float[] {0f, 1f}, new float[] {1f, 0f}, 1, 2, gradient);

        assertTrue(Double.isFinite(value));
        // 1·ln(1/ε), plus the clipped target 0 read as ε: ε·ln(ε/1).
        assertEquals(-Math.log(EPSILON) + EPSILON * Math.log(EPSILON), value, 1e-9);
        assertEquals(0f, gradient[0], 0f); // p = 0 was clipped
        assertEquals((float) -EPSILON, gradient[1], 1e-12f);
    }
}
