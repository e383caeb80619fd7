package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HingeTest {

    private final Hinge hinge = new Hinge();

    @Test
    void averagesMarginViolationsOverEveryOutputAndExample() {
        float[] gradient = new float[4];
        double value = hinge.evaluate(new float[] {0.5f, -2f, 0.3f, 1.5f}, new float[] {1f, -1f, -1f, 1f}, 2, 2,
                gradient);

        // 1 − 0.5 = 0.5;  margin met (2 ≥ 1): 0;  1 + 0.3 = 1.3;  margin met: 0.
        assertEquals((0.5 + 1.3) / 4, value, 1e-7);
        assertArrayEquals(new float[] {-0.25f, 0f, 0.25f, 0f}, gradient, 0f);
    }

    @Test
    void zeroOneTargetsTrainLikeMinusOneOneTargets() {
        float[] predicted = {0.5f, -2f, 0.3f, 1.5f};
        float[] signedGradient = new float[4];
        float[] binaryGradient = new float[4];

        double signed = hinge.evaluate(predicted, new float[] {1f, -1f, -1f, 1f}, 2, 2, signedGradient);
        double binary = hinge.evaluate(predicted, new float[] {1f, 0f, 0f, 1f}, 2, 2, binaryGradient);

        assertEquals(signed, binary, 0.0);
        assertArrayEquals(signedGradient, binaryGradient, 0f);
    }

    @Test
    void gradientIsZeroAtTheKink() {
        float[] gradient = {7f};
        assertEquals(0.0, hinge.evaluate(new float[] {1f}, new float[] {1f}, 1, 1, gradient), 0.0);
        assertEquals(0f, gradient[0], 0f);
    }
}
