package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinaryCrossEntropyFromLogitsTest {

    private final BinaryCrossEntropyFromLogits loss = new BinaryCrossEntropyFromLogits();

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    @Test
    void averagesOverEveryOutputAndExample() {
        float[] gradient = new float[2];
        double value = loss.evaluate(new float[] {0f, 2f}, new float[] {1f, 0f}, 1, 2, gradient);

        // z = 0, y = 1: ln 2;  z = 2, y = 0: −ln(1 − σ(2)) = 2 + ln(1 + e^−2).
        assertEquals((Math.log(2) + 2 + Math.log1p(Math.exp(-2))) / 2, value, 1e-9);
        assertArrayEquals(new float[] {(float) ((0.5 - 1) / 2), (float) (sigmoid(2) / 2)}, gradient, 1e-7f);
    }

    @Test
    void equalsBinaryCrossEntropyOfTheSigmoid() {
        float[] logits = {-3f, -0.5f, 0.25f, 1.5f, 4f, 0.75f};
        float[] target = {0f, 1f, 1f, 0f, 1f, 0.3f};
        float[] probabilities = new float[6];
        for (int i = 0; i < 6; i++) {
            probabilities[i] = (float) sigmoid(logits[i]);
        }

        double fromLogits = loss.evaluate(logits, target, 2, 3, new float[6]);
        double onProbabilities = new BinaryCrossEntropy().evaluate(probabilities, target, 2, 3, new float[6]);

        assertEquals(onProbabilities, fromLogits, 1e-6);
    }

    @Test
    void hugeLogitsStayFiniteAndCorrect() {
        float[] gradient = new float[4];
        double value = loss.evaluate(new float[] {100f, -100f, 100f, -100f}, new float[] {1f, 0f, 0f, 1f}, 2, 2,
                gradient);

        // Right with confidence: ~e^−100 each; wrong with confidence: 100 + ~e^−100 each.
        assertTrue(Double.isFinite(value));
        assertEquals(200.0 / 4, value, 1e-12);
        for (float g : gradient) {
            assertTrue(Float.isFinite(g));
        }
        assertArrayEquals(new float[] {0f, 0f, 0.25f, -0.25f}, gradient, 1e-12f);
        // The residual gradient of a confident hit keeps its sign instead of cancelling to 0 or flipping.
        assertTrue(gradient[0] <= 0f && gradient[1] >= 0f);
    }

    @Test
    void confidentHitsKeepTheirTinyLossAndGradient() {
        double z = 30;
        assertEquals(Math.exp(-z), loss.value(z, 1), 1e-6 * Math.exp(-z));
        assertEquals(-Math.exp(-z), loss.derivative(z, 1), 1e-6 * Math.exp(-z));
        assertEquals(Math.exp(-z), loss.derivative(-z, 0), 1e-6 * Math.exp(-z));
    }
}
