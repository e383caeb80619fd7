package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.core.loss.CategoricalCrossEntropy;
import org.junit.jupiter.api.Test;

class SoftmaxTest {

    private final Softmax softmax = new Softmax();

    @Test
    void forward_rowsSumToOne_andStayFiniteForHugeLogits() {
        float[] z = {1000f, 1001f, 1002f, -3f, 0f, 3f};
        float[] a = new float[6];
        softmax.forward(z, a, 0, 2, 3);
        assertEquals(1.0, a[0] + a[1] + a[2], 1e-6);
        assertEquals(1.0, a[3] + a[4] + a[5], 1e-6);
        assertEquals(Math.exp(2) / (1 + Math.exp(1) + Math.exp(2)), a[2], 1e-6);
        for (float v : a) {
            assertTrue(Float.isFinite(v));
        }
    }

    @Test
    void backward_matchesCentralDifferencesOfWeightedSum() {
        float[] z = {0.3f, -1.2f, 2.0f, 0.5f};
        float[] gradA = {0.7f, -0.4f, 1.1f, 0.2f};
        float[] a = new float[4];
        softmax.forward(z, a, 0, 1, 4);
        float[] gradZ = new float[4];
        softmax.backward(z, a, gradA, gradZ, 0, 1, 4);
        double h = 1e-3;
        for (int k = 0; k < 4; k++) {
            double numeric = (weighted(z, gradA, k, h) - weighted(z, gradA, k, -h)) / (2 * h);
            assertEquals(numeric, gradZ[k], 1e-4, "component " + k);
        }
    }

    @Test
    void fusedCrossEntropyGradient_equalsSoftmaxBackwardOfCrossEntropyGradient() {
        float[] z = {0.3f, -1.2f, 2.0f, 1.5f, 0.1f, -0.7f};
        float[] y = {0f, 0f, 1f, 1f, 0f, 0f};
        float[] p = new float[6];
        softmax.forward(z, p, 0, 2, 3);
        CategoricalCrossEntropy loss = new CategoricalCrossEntropy();
        float[] fused = new float[6];
        double fusedLoss = loss.evaluateAfterSoftmax(p, y, 2, 3, fused);
        float[] gradP = new float[6];
        double plainLoss = loss.evaluate(p, y, 2, 3, gradP);
        float[] chained = new float[6];
        softmax.backward(z, p, gradP, chained, 0, 2, 3);
        assertEquals(plainLoss, fusedLoss, 1e-9);
        assertArrayEquals(chained, fused, 1e-6f);
    }

    private double weighted(float[] z, float[] weights, int k, double delta) {
        float[] shifted = z.clone();
        shifted[k] += (float) delta;
        float[] a = new float[z.length];
        softmax.forward(shifted, a, 0, 1, z.length);
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            sum += weights[i] * (double) a[i];
        }
        return sum;
    }
}
