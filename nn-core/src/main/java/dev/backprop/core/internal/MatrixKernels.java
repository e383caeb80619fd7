package dev.backprop.core.internal;

import java.util.Optional;

/**
 * The three matrix products of a dense layer, on row-major float32 arrays. A layer with batch
 * {@code B}, fan-in {@code In} and fan-out {@code Out} needs:
 * <ul>
 *   <li>forward {@code Z[B×Out] = X[B×In] · W[In×Out] + b} ({@link #multiplyAddBias}),</li>
 *   <li>weight gradient {@code dW[In×Out] = Xᵀ · dZ} ({@link #multiplyTransposedLeft}; or {@code +=},
 *       {@link #accumulateTransposedLeft}),</li>
 *   <li>input gradient {@code dX[B×In] = dZ · Wᵀ} ({@link #multiplyTransposedRight}).</li>
 * </ul>
 *
 * <p><b>Parts.</b> Each product can be computed by several threads at once: thread {@code part} of
 * {@code parts} computes a disjoint share of the output and the shares together cover it (the
 * implementation chooses the split, rows or columns). Calling every part from 0 to {@code parts − 1}
 * gives the same result, bit for bit, for any {@code parts}: each output element is summed in the same
 * order however the work is split.
 *
 * <p>Arrays belong to the caller; outputs never alias inputs. Implementations are thread-safe and
 * allocate nothing in steady state (per-thread scratch space is reused).
 *
 * <p><b>Which kernels.</b> {@link #best()} is the one to use: the Vector API kernels
 * ({@code "vector-512"} on AVX-512, {@code "vector-256"} on AVX2) when the JVM runs with
 * {@code --add-modules=jdk.incubator.vector}, otherwise {@link #loops()}. The vector kernels pack
 * operands into per-thread panels for batches of 4 rows or more and read the weights in place for
 * smaller batches (inference), skipping inputs that are exactly zero.
 */
public interface MatrixKernels {

    /** {@code c[m×n] = a[m×k] · b[k×n] + bias[n]} (bias broadcast over rows), share {@code part} of {@code parts}. */
    void multiplyAddBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, int part, int parts);

    /** {@code c[k×n] += aᵀ · d}, where {@code a} is {@code m×k} and {@code d} is {@code m×n}; share {@code part} of {@code parts}. */
    void accumulateTransposedLeft(float[] a, float[] d, float[] c, int m, int k, int n, int part, int parts);

    /**
     * {@code c[k×n] = aᵀ · d}, where {@code a} is {@code m×k} and {@code d} is {@code m×n}; share {@code part}
     * of {@code parts}. Equal, bit for bit, to {@link #accumulateTransposedLeft} into a {@code c} of zeros,
     * without reading {@code c} (a training step needs no pass that zeroes the weight gradients first).
     */
    void multiplyTransposedLeft(float[] a, float[] d, float[] c, int m, int k, int n, int part, int parts);

    /** {@code c[m×k] = d[m×n] · bᵀ}, where {@code b} is {@code k×n}; share {@code part} of {@code parts}. */
    void multiplyTransposedRight(float[] d, float[] b, float[] c, int m, int k, int n, int part, int parts);

    /**
     * Whether {@code a[from, to)} holds only finite values (no NaN, no ±∞). Cheap enough to run over
     * every parameter after every update: the training step's divergence check.
     */
    boolean allFinite(float[] a, int from, int to);

    /** A short name for logs and benchmark output ({@code "loops"}, {@code "vector-512"}). */
    String name();

    /**
     * The fastest kernels this JVM can run, chosen once: the Vector API kernels when the module
     * {@code jdk.incubator.vector} is loaded, otherwise {@link #loops()} (after one warning in the log
     * saying how to enable the fast ones).
     */
    static MatrixKernels best() {
        return KernelSelection.BEST;
    }

    /** The Vector API kernels, or empty when this JVM runs without {@code --add-modules=jdk.incubator.vector}. */
    static Optional<MatrixKernels> vector() {
        return KernelSelection.VECTOR;
    }

    /** The portable kernels: plain loops ordered so that the innermost loop runs along contiguous rows. */
    static MatrixKernels loops() {
        return LoopKernels.INSTANCE;
    }

    /** The first index of share {@code part} when {@code total} items are split into {@code parts} near-equal shares. */
    static int shareStart(int total, int part, int parts) {
        return (int) ((long) total * part / parts);
    }
}
