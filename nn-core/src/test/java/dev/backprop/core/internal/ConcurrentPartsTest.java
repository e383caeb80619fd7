package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two threads computing parts 0 and 1 of the same products at the same moment, over and over, as a
 * training step does: each thread's scratch space is its own, so the result is the one-part result.
 */
class ConcurrentPartsTest {

    private static final int M = 40;
    private static final int K = 300;
    private static final int N = 130;
    private static final int ROUNDS = 20;

    private ExecutorService helper;

    @BeforeEach
    void startHelper() {
        helper = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopHelper() throws InterruptedException {
        helper.shutdownNow();
        helper.awaitTermination(10, TimeUnit.SECONDS);
    }

    static Iterable<MatrixKernels> kernels() {
        return KernelProductsTest.allKernels();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void twoThreadsAtOnce_giveTheOnePartResult(MatrixKernels kernels) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        float[] x = ProductReference.random(M * K, 0.2, random);
        float[] w = ProductReference.random(K * N, 0, random);
        float[] bias = ProductReference.random(N, 0, random);
        float[] delta = ProductReference.random(M * N, 0, random);

        float[] forward = new float[M * N];
        float[] weightGradient = new float[K * N];
        float[] inputGradient = new float[M * K];
        kernels.multiplyAddBias(x, w, bias, forward, M, K, N, 0, 1);
        for (int round = 0; round < ROUNDS; round++) {
            kernels.accumulateTransposedLeft(x, delta, weightGradient, M, K, N, 0, 1);
        }
        kernels.multiplyTransposedRight(delta, w, inputGradient, M, K, N, 0, 1);

        float[] forwardInParts = new float[M * N];
        float[] weightGradientInParts = new float[K * N];
        float[] inputGradientInParts = new float[M * K];
        CyclicBarrier together = new CyclicBarrier(2);
        Future<?> helperShare = helper.submit(() -> {
            runStep(kernels, together, x, w, bias, delta, forwardInParts, weightGradientInParts, inputGradientInParts, 1);
            return null;
        });
        runStep(kernels, together, x, w, bias, delta, forwardInParts, weightGradientInParts, inputGradientInParts, 0);
        helperShare.get(1, TimeUnit.MINUTES);

        assertArrayEquals(forward, forwardInParts, "X·W + b");
        assertArrayEquals(weightGradient, weightGradientInParts, "gradW += Xᵀ·D");
        assertArrayEquals(inputGradient, inputGradientInParts, "D·Wᵀ");
    }

    private static void runStep(MatrixKernels kernels, CyclicBarrier together, float[] x, float[] w, float[] bias,
                                float[] delta, float[] forward, float[] weightGradient, float[] inputGradient, int part)
            throws Exception {
        together.await(1, TimeUnit.MINUTES);
        kernels.multiplyAddBias(x, w, bias, forward, M, K, N, part, 2);
        for (int round = 0; round < ROUNDS; round++) {
            together.await(1, TimeUnit.MINUTES);
            kernels.accumulateTransposedLeft(x, delta, weightGradient, M, K, N, part, 2);
        }
        together.await(1, TimeUnit.MINUTES);
        kernels.multiplyTransposedRight(delta, w, inputGradient, M, K, N, part, 2);
    }
}
