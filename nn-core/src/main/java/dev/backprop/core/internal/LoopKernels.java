package dev.backprop.core.internal;

import java.util.Arrays;

/**
 * Plain-loop kernels. Every innermost loop walks contiguous memory in both operands so that the JIT
 * can vectorise it; the transposes are folded into the loop order instead of being materialised.
 * Parts split the output's rows.
 */
final class LoopKernels implements MatrixKernels {

    static final LoopKernels INSTANCE = new LoopKernels();

    private LoopKernels() {
    }

    @Override
    public String name() {
        return "loops";
    }

    /** {@code x − x} is 0 for a finite {@code x} and NaN otherwise, so the sum is NaN exactly when some value is not finite. */
    @Override
    public boolean allFinite(float[] a, int from, int to) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += a[i] - a[i];
            s1 += a[i + 1] - a[i + 1];
            s2 += a[i + 2] - a[i + 2];
            s3 += a[i + 3] - a[i + 3];
        }
        for (; i < to; i++) {
            s0 += a[i] - a[i];
        }
        return s0 + s1 + s2 + s3 == 0f;
    }

    @Override
    public void multiplyAddBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, int part, int parts) {
        int rowEnd = MatrixKernels.shareStart(m, part + 1, parts);
        for (int row = MatrixKernels.shareStart(m, part, parts); row < rowEnd; row++) {
            int cRow = row * n;
            System.arraycopy(bias, 0, c, cRow, n);
            int aRow = row * k;
            for (int p = 0; p < k; p++) {
                float aValue = a[aRow + p];
                if (aValue == 0f) {
                    continue;
                }
                int bRow = p * n;
                for (int col = 0; col < n; col++) {
                    c[cRow + col] += aValue * b[bRow + col];
                }
            }
        }
    }

    @Override
    public void accumulateTransposedLeft(float[] a, float[] d, float[] c, int m, int k, int n, int part, int parts) {
        int pFrom = MatrixKernels.shareStart(k, part, parts);
        int pTo = MatrixKernels.shareStart(k, part + 1, parts);
        for (int row = 0; row < m; row++) {
            int aRow = row * k;
            int dRow = row * n;
            for (int p = pFrom; p < pTo; p++) {
                float aValue = a[aRow + p];
                if (aValue == 0f) {
                    continue;
                }
                int cRow = p * n;
                for (int col = 0; col < n; col++) {
                    c[cRow + col] += aValue * d[dRow + col];
                }
            }
        }
    }

    @Override
    public void multiplyTransposedLeft(float[] a, float[] d, float[] c, int m, int k, int n, int part, int parts) {
        Arrays.fill(c, MatrixKernels.shareStart(k, part, parts) * n, MatrixKernels.shareStart(k, part + 1, parts) * n, 0f);
        accumulateTransposedLeft(a, d, c, m, k, n, part, parts);
    }

    @Override
    public void multiplyTransposedRight(float[] d, float[] b, float[] c, int m, int k, int n, int part, int parts) {
        int rowEnd = MatrixKernels.shareStart(m, part + 1, parts);
        for (int row = MatrixKernels.shareStart(m, part, parts); row < rowEnd; row++) {
            int dRow = row * n;
            int cRow = row * k;
            for (int p = 0; p < k; p++) {
                int bRow = p * n;
                float s0 = 0f;
                float s1 = 0f;
                float s2 = 0f;
                float s3 = 0f;
                int col = 0;
                for (; col + 3 < n; col += 4) {
                    s0 += d[dRow + col] * b[bRow + col];
                    s1 += d[dRow + col + 1] * b[bRow + col + 1];
                    s2 += d[dRow + col + 2] * b[bRow + col + 2];
                    s3 += d[dRow + col + 3] * b[bRow + col + 3];
                }
                for (; col < n; col++) {
                    s0 += d[dRow + col] * b[bRow + col];
                }
                c[cRow + p] = (s0 + s1) + (s2 + s3);
            }
        }
    }
}
