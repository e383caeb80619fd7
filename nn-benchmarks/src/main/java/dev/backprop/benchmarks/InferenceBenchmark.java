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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One example through the C2 network's three layers (784-256-128-10): the three forward products with a
 * batch of one, on one thread, in microseconds per example. The input is either dense or, like an MNIST
 * digit, four fifths zeros (the vector kernels skip zero inputs).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC"})
public class InferenceBenchmark {

    private static final int[] WIDTHS = {784, 256, 128, 10};

    /** {@code vector} or {@code loops}. */
    @Param({"vector", "loops"})
    public String kernels;

    /** The fraction of input pixels that are zero: 0 (dense) or 0.8 (like an MNIST digit). */
    @Param({"0", "0.8"})
    public double zeros;

    private MatrixKernels chosen;
    private float[][] activations;
    private float[][] weights;
    private float[][] biases;

    /** A random network and input. */
    @Setup(Level.Trial)
    public void setUp() {
        chosen = Kernels.named(kernels);
        SplittableRandom random = new SplittableRandom(11);
        int layers = WIDTHS.length - 1;
        activations = new float[layers + 1][];
        weights = new float[layers][];
        biases = new float[layers][];
        activations[0] = Operands.random(WIDTHS[0], zeros, random);
        for (int layer = 0; layer < layers; layer++) {
            weights[layer] = Operands.random(WIDTHS[layer] * WIDTHS[layer + 1], 0, random);
            biases[layer] = Operands.random(WIDTHS[layer + 1], 0, random);
            activations[layer + 1] = new float[WIDTHS[layer + 1]];
        }
    }

    /** The three products {@code z = x·W + b} of one example (no activation functions). */
    @Benchmark
    public float[] predictOne() {
        for (int layer = 0; layer < weights.length; layer++) {
            chosen.multiplyAddBias(activations[layer], weights[layer], biases[layer], activations[layer + 1],
                    1, WIDTHS[layer], WIDTHS[layer + 1], 0, 1);
        }
        return activations[weights.length];
    }
}
