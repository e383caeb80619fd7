package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.LANES;
import static dev.backprop.core.internal.TileGeometry.SMALL_BATCH;
import static dev.backprop.core.internal.TileGeometry.SPECIES;
import static dev.backprop.core.internal.TileGeometry.TILE_COLUMNS;
import static dev.backprop.core.internal.TileGeometry.TILE_ROWS;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Kernels on the incubating Vector API ({@code jdk.incubator.vector}), sized to the CPU's widest float
 * vector. Batches of {@link TileGeometry#SMALL_BATCH} rows or more go through {@link BlockedProduct}
 * (packed panels, a register tile of 8, 6 or 4 rows by 2 vectors, {@link TileGeometry#TILE_ROWS}); smaller
 * batches use the unpacked row kernels
 * {@link RowTimesMatrix} and {@link RowDotRows}.
 *
 * <p><b>How parts split the work.</b> The output is cut along whole register tiles. A part that computes
 * some columns of {@code C = L·R} packs only those columns of {@code R} but all of {@code L}; a part that
 * computes some rows packs only those rows of {@code L} but all of {@code R}. The side split is the one
 * whose duplicated packing costs less ({@link TileSplit#byColumns}): the forward product of a batch
 * narrower than the layer's width splits the batch rows (copying the weights along their rows is cheap),
 * the input gradient splits the fan-in, the weight gradient the longer of fan-in and fan-out. Batches
 * under {@link TileGeometry#SMALL_BATCH} split the output columns.
 * Every output element is one fixed chain of fused multiply-adds whichever part computes it, so results
 * are identical for any number of parts.
 *
 * <p>Vector values are never merged across branches inside a loop: on JDK 17 that makes the compiler
 * box every vector (hundreds of times slower), which is why zero inputs are skipped by listing the
 * non-zero ones first ({@link NonZeroSteps}) rather than by a test in the loop.
 *
 * <p>Only loaded when the JVM runs with {@code --add-modules=jdk.incubator.vector}; see
 * {@link MatrixKernels#best()}.
 */
final class VectorKernels implements MatrixKernels {

    static final VectorKernels INSTANCE = new VectorKernels();

    private VectorKernels() {
    }

    @Override
    public String name() {
        return "vector-" + SPECIES.vectorBitSize();
    }

    /** Four independent lanes of {@code x − x} sums (0 for finite values, NaN otherwise), then the tail. */
    @Override
    public boolean allFinite(float[] a, int from, int to) {
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        int i = from;
        for (; i + 4 * LANES <= to; i += 4 * LANES) {
            FloatVector v0 = FloatVector.fromArray(SPECIES, a, i);
            FloatVector v1 = FloatVector.fromArray(SPECIES, a, i + LANES);
            FloatVector v2 = FloatVector.fromArray(SPECIES, a, i + 2 * LANES);
            FloatVector v3 = FloatVector.fromArray(SPECIES, a, i + 3 * LANES);
            s0 = s0.add(v0.sub(v0));
            s1 = s1.add(v1.sub(v1));
            s2 = s2.add(v2.sub(v2));
            s3 = s3.add(v3.sub(v3));
        }
        float tail = 0f;
        for (; i < to; i++) {
            tail += a[i] - a[i];
        }
        return s0.add(s1).add(s2).add(s3).reduceLanes(VectorOperators.ADD) + tail == 0f;
    }

    @Override
    public void multiplyAddBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, int part, int parts) {
        if (m < SMALL_BATCH) {
            int columnFrom = TileSplit.boundary(n, LANES, part, parts);
            int columnTo = TileSplit.boundary(n, LANES, part + 1, parts);
            KernelWorkspace workspace = KernelWorkspace.current();
            NonZeroSteps inputs = workspace.nonZeroSteps();
            for (int row = 0; row < m; row++) {
                RowTimesMatrix.multiply(inputs.collect(a, row * k, 1, k), b, n, bias, 0, c, row * n,
                        columnFrom, columnTo, workspace.lanes());
            }
            return;
        }
        multiplyShare(a, k, 1, b, n, 1, bias, 0, c, m, n, k, part, parts);
    }

    @Override
    public void accumulateTransposedLeft(float[] a, float[] d, float[] c, int m, int k, int n, int part, int parts) {
        if (m < SMALL_BATCH) {
            accumulateTransposedLeftByRows(a, d, c, m, k, n, part, parts);
            return;
        }
        multiplyShare(a, 1, k, d, n, 1, c, n, c, k, n, m, part, parts);
    }

    @Override
    public void multiplyTransposedLeft(float[] a, float[] d, float[] c, int m, int k, int n, int part, int parts) {
        if (m < SMALL_BATCH) {
            Arrays.fill(c, MatrixKernels.shareStart(k, part, parts) * n, MatrixKernels.shareStart(k, part + 1, parts) * n,
                    0f);
            accumulateTransposedLeftByRows(a, d, c, m, k, n, part, parts);
            return;
        }
        multiplyShare(a, 1, k, d, n, 1, null, 0, c, k, n, m, part, parts);
    }

    /**
     * The small-batch path of {@code c += aᵀ·d}: each row of {@code c} in the share from its non-zero
     * inputs. Kept apart from the packed path so that a compiled caller holds one copy of each.
     */
    private static void accumulateTransposedLeftByRows(float[] a, float[] d, float[] c, int m, int k, int n, int part,
                                                       int parts) {
        int rowTo = MatrixKernels.shareStart(k, part + 1, parts);
        KernelWorkspace workspace = KernelWorkspace.current();
        NonZeroSteps inputs = workspace.nonZeroSteps();
        for (int row = MatrixKernels.shareStart(k, part, parts); row < rowTo; row++) {
            if (inputs.collect(a, row, k, m).count() > 0) {
                RowTimesMatrix.multiply(inputs, d, n, c, row * n, c, row * n, 0, n, workspace.lanes());
            }
        }
    }

    @Override
    public void multiplyTransposedRight(float[] d, float[] b, float[] c, int m, int k, int n, int part, int parts) {
        if (m < SMALL_BATCH) {
            int columnFrom = MatrixKernels.shareStart(k, part, parts);
            int columnTo = MatrixKernels.shareStart(k, part + 1, parts);
            float[] lanes = KernelWorkspace.current().lanes();
            for (int row = 0; row < m; row++) {
                RowDotRows.multiply(d, row * n, n, b, n, c, row * k, columnFrom, columnTo, lanes);
            }
            return;
        }
        multiplyShare(d, n, 1, b, 1, n, null, 0, c, m, k, n, part, parts);
    }

    /**
     * Share {@code part} of {@code C[rows × columns] = S + L·R} through {@link BlockedProduct}, where
     * {@code S(i, j) = start[i·startRowStride + j]}, or zero when {@code start} is null.
     */
    private static void multiplyShare(float[] left, int leftRowStride, int leftStepStride,
                                      float[] right, int rightStepStride, int rightColumnStride,
                                      float[] start, int startRowStride, float[] out, int rows, int columns, int depth,
                                      int part, int parts) {
        boolean byColumns = TileSplit.byColumns(rows, columns, parts,
                packCost(leftRowStride == 1), packCost(rightColumnStride == 1));
        BlockedProduct.multiply(left, leftRowStride, leftStepStride, right, rightStepStride, rightColumnStride,
                start, startRowStride, out, columns, depth,
                byColumns ? 0 : TileSplit.boundary(rows, TILE_ROWS, part, parts),
                byColumns ? rows : TileSplit.boundary(rows, TILE_ROWS, part + 1, parts),
                byColumns ? TileSplit.boundary(columns, TILE_COLUMNS, part, parts) : 0,
                byColumns ? TileSplit.boundary(columns, TILE_COLUMNS, part + 1, parts) : columns);
    }

    /**
     * The relative cost of packing one element of an operand: copying along its memory order (panel
     * entries adjacent in memory) is about four times cheaper than gathering across rows.
     */
    private static int packCost(boolean alongMemory) {
        return alongMemory ? 1 : 4;
    }
}
