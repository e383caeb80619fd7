package dev.backprop.core.internal;

/**
 * The three matrix products of a dense layer, on row-major float32 arrays. A layer with batch
 * {@code B}, fan-in {@code In} and fan-out {@code Out} needs:
 * <ul>
 *   <li>forward {@code Z[B×Out] = X[B×In] · W[In×Out] + b} ({@link #multiplyAddBias}),</li>
 *   <li>weight gradient {@code dW[In×Out] += Xᵀ · dZ} ({@link #accumulateTransposedLeft}),</li>
 *   <li>input gradient {@code dX[B×In] = dZ · Wᵀ} ({@link #multiplyTransposedRight}).</li>
 * </ul>
 * Arrays belong to the caller; outputs never alias inputs. Implementations are stateless and
 * thread-safe.
 */
public interface MatrixKernels {

    /** {@code c[m×n] = a[m×k] · b[k×n] + bias[n]} (bias broadcast over rows). */
    void multiplyAddBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n);

    /** {@code c[k×n] += aᵀ · d}, where {@code a} is {@code m×k} and {@code d} is {@code m×n}. */
    void accumulateTransposedLeft(float[] a, float[] d, float[] c, int m, int k, int n);

    /** {@code c[m×k] = d[m×n] · bᵀ}, where {@code b} is {@code k×n}. */
    void multiplyTransposedRight(float[] d, float[] b, float[] c, int m, int k, int n);

    /** The portable kernels: plain loops ordered so that the innermost loop runs along contiguous rows. */
    static MatrixKernels loops() {
        return LoopKernels.INSTANCE;
    }
}
