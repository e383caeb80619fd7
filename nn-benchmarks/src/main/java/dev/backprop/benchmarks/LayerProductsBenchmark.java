package dev.backprop.benchmarks;

import dev.backprop.core.internal.MatrixKernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three matrix products of one dense layer (batch {@code m}, fan-in {@code k}, fan-out {@code n}):
 * forward {@code Z = X·W + b}, weight gradient {@code dW += Xᵀ·dZ}, input gradient {@code dX = dZ·Wᵀ},
 * for each kernel implementation, computed whole on one thread or in two parts on two threads. The
 * shapes are the layers of the C1 (784-100-10, batch 32), C2 (784-256-128-10, batch 128) and C3
 * (784-1024-1024-10, batch 256) networks. The {@code flop} line of the output is in GFLOP/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class LayerProductsBenchmark {

    /** The layer, {@code m×k×n}. */
    @Param({"32x784x100", "32x100x10", "128x784x256", "128x256x128", "128x128x10",
            "256x784x1024", "256x1024x1024", "256x1024x10"})
    public String shape;

    /** {@code vector} or {@code loops}. */
    @Param({"vector", "loops"})
    public String kernels;

    /** 1: the calling thread computes everything; 2: a second thread computes the other half. */
    @Param({"1", "2"})
    public int parts;

    private int m;
    private int k;
    private int n;
    private float[] input;
    private float[] weights;
    private float[] bias;
    private float[] output;
    private float[] outputGradient;
    private float[] weightGradient;
    private float[] inputGradient;
    private SpinningPair pair;
    private Share forward;
    private Share weightGradientShare;
    private Share inputGradientShare;

    /** Random operands (a fifth of the inputs zero, as after a ReLU) and, for two parts, the helper thread. */
    @Setup(Level.Trial)
    public void setUp() {
        String[] sizes = shape.split("x");
        m = Integer.parseInt(sizes[0]);
        k = Integer.parseInt(sizes[1]);
        n = Integer.parseInt(sizes[2]);
        SplittableRandom random = new SplittableRandom(7);
        input = Operands.random(m * k, 0.2, random);
        weights = Operands.random(k * n, 0, random);
        bias = Operands.random(n, 0, random);
        outputGradient = Operands.random(m * n, 0, random);
        output = new float[m * n];
        weightGradient = new float[k * n];
        inputGradient = new float[m * k];
        MatrixKernels chosen = Kernels.named(kernels);
        forward = (part, of) -> chosen.multiplyAddBias(input, weights, bias, output, m, k, n, part, of);
        weightGradientShare = (part, of) -> chosen.accumulateTransposedLeft(input, outputGradient, weightGradient,
                m, k, n, part, of);
        inputGradientShare = (part, of) -> chosen.multiplyTransposedRight(outputGradient, weights, inputGradient,
                m, k, n, part, of);
        if (parts == 2) {
            pair = new SpinningPair();
        } else if (parts != 1) {
            throw new IllegalArgumentException("parts must be 1 or 2, was " + parts);
        }
    }

    /** Stops the helper thread. */
    @TearDown(Level.Trial)
    public void tearDown() throws InterruptedException {
        if (pair != null) {
            pair.close();
        }
    }

    /** {@code Z = X·W + b}. */
    @Benchmark
    public float[] forward(FlopCounter counter) {
        run(forward, counter);
        return output;
    }

    /** {@code dW += Xᵀ·dZ}. */
    @Benchmark
    public float[] weightGradient(FlopCounter counter) {
        run(weightGradientShare, counter);
        return weightGradient;
    }

    /** {@code dX = dZ·Wᵀ}. */
    @Benchmark
    public float[] inputGradient(FlopCounter counter) {
        run(inputGradientShare, counter);
        return inputGradient;
    }

    private void run(Share share, FlopCounter counter) {
        if (pair == null) {
            share.run(0, 1);
        } else {
            pair.run(share);
        }
        counter.flop += 2L * m * k * n;
    }
}
