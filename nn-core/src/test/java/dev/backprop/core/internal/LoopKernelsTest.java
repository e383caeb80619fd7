package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kernel against a plain triple loop in double precision, on odd shapes that exercise loop tails. */
class LoopKernelsTest {

    private final MatrixKernels kernels = MatrixKernels.loops();

    @ParameterizedTest(name = "{0}x{1}x{2}")
    @CsvSource({"1,1,1", "3,5,7", "17,33,9", "32,64,10"})
    void products_matchReference(int m, int k, int n) {
        SplittableRandom random = new SplittableRandom(m * 1000L + k * 10L + n);
        float[] a = random(m * k, random);
        float[] b = random(k * n, random);
        float[] bias = random(n, random);
        float[] d = random(m * n, random);

        float[] c = new float[m * n];
        kernels.multiplyAddBias(a, b, bias, c, m, k, n, 0, 1);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double expected = bias[j];
                for (int p = 0; p < k; p++) {
                    expected += (double) a[i * k + p] * b[p * n + j];
                }
                assertEquals(expected, c[i * n + j], 1e-4 * k, "A·B + bias at " + i + "," + j);
            }
        }

        float[] weightGradient = random(k * n, random);
        float[] before = weightGradient.clone();
        kernels.accumulateTransposedLeft(a, d, weightGradient, m, k, n, 0, 1);
        for (int p = 0; p < k; p++) {
            for (int j = 0; j < n; j++) {
                double expected = before[p * n + j];
                for (int i = 0; i < m; i++) {
                    expected += (double) a[i * k + p] * d[i * n + j];
                }
                assertEquals(expected, weightGradient[p * n + j], 1e-4 * m, "gradW += Aᵀ·D at " + p + "," + j);
            }
        }

        float[] inputGradient = new float[m * k];
        kernels.multiplyTransposedRight(d, b, inputGradient, m, k, n, 0, 1);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                double expected = 0;
                for (int j = 0; j < n; j++) {
                    expected += (double) d[i * n + j] * b[p * n + j];
                }
                assertEquals(expected, inputGradient[i * k + p], 1e-4 * n, "D·Bᵀ at " + i + "," + p);
            }
        }
    }

    private static float[] random(int size, SplittableRandom random) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
