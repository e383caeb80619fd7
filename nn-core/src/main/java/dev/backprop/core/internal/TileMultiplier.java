package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.LANES;
import static dev.backprop.core.internal.TileGeometry.SPECIES;
import static dev.backprop.core.internal.TileGeometry.TILE_COLUMNS;
import static dev.backprop.core.internal.TileGeometry.TILE_ROWS;

import jdk.incubator.vector.FloatVector;

/**
 * The register-tiled micro-kernels: one {@code TILE_ROWS × 2·LANES} block of the output (8 rows with 32
 * vector registers, 6 or 4 with 16; see {@link TileGeometry#TILE_ROWS}) from a packed left panel
 * and a packed right panel (see {@link PanelPacker}). Each step broadcasts
 * the left values of that step and multiplies them into the two right vectors with fused multiply-adds,
 * 16, 12 or 8 independent accumulators in all, so every output element is {@code fma(left[q], right[q], sum)}
 * chained over the steps {@code q} in order. No vector value crosses a branch, so JDK 17's compiler keeps
 * them all in registers. Each tile height is its own method, written out accumulator by accumulator: an
 * array of vectors, or a loop over rows, would make the compiler box them.
 */
final class TileMultiplier {

    private TileMultiplier() {
    }

    /**
     * {@code out[TILE_ROWS × 2·LANES] (+)= leftPanel · rightPanel} over {@code depth} steps, where step
     * {@code q} of the left panel is {@code left[leftAt + TILE_ROWS·q ..+TILE_ROWS]} (one value per output row) and of the right
     * panel {@code right[rightAt + rightStride·q ..+2·LANES]} ({@code rightStride} is {@code 2·LANES} for a
     * packed panel, the row length for a matrix read in place). The sums start from the tile at
     * {@code start[startAt]}, rows {@code startStride} apart (the output tile itself to accumulate, a row
     * repeated with stride 0 for a bias), and end in the tile at {@code out[outAt]}, rows
     * {@code outStride} apart. Both tiles must lie inside their arrays.
     */
    static void multiply(float[] left, int leftAt, float[] right, int rightAt, int rightStride, int depth,
                         float[] start, int startAt, int startStride, float[] out, int outAt, int outStride) {
        if (TILE_ROWS == 6) {
            multiplySixRows(left, leftAt, right, rightAt, rightStride, depth, start, startAt, startStride, out, outAt,
                    outStride);
        } else if (TILE_ROWS == 4) {
            multiplyFourRows(left, leftAt, right, rightAt, rightStride, depth, start, startAt, startStride, out, outAt,
                    outStride);
        } else {
            multiplyEightRows(left, leftAt, right, rightAt, rightStride, depth, start, startAt, startStride, out,
                    outAt, outStride);
        }
    }

    /**
     * {@link #multiply} for a tile of 8 rows ({@link TileGeometry#TILE_ROWS} with 32 vector registers):
     * 16 accumulators, two right-hand vectors and one broadcast. Left panels have 8 values per step.
     */
    static void multiplyEightRows(float[] left, int leftAt, float[] right, int rightAt, int rightStride, int depth,
                                  float[] start, int startAt, int startStride, float[] out, int outAt,
                                  int outStride) {
        FloatVector c00 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector c01 = FloatVector.fromArray(SPECIES, start, startAt + LANES);
        FloatVector c10 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride);
        FloatVector c11 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride + LANES);
        FloatVector c20 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride);
        FloatVector c21 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride + LANES);
        FloatVector c30 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride);
        FloatVector c31 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride + LANES);
        FloatVector c40 = FloatVector.fromArray(SPECIES, start, startAt + 4 * startStride);
        FloatVector c41 = FloatVector.fromArray(SPECIES, start, startAt + 4 * startStride + LANES);
        FloatVector c50 = FloatVector.fromArray(SPECIES, start, startAt + 5 * startStride);
        FloatVector c51 = FloatVector.fromArray(SPECIES, start, startAt + 5 * startStride + LANES);
        FloatVector c60 = FloatVector.fromArray(SPECIES, start, startAt + 6 * startStride);
        FloatVector c61 = FloatVector.fromArray(SPECIES, start, startAt + 6 * startStride + LANES);
        FloatVector c70 = FloatVector.fromArray(SPECIES, start, startAt + 7 * startStride);
        FloatVector c71 = FloatVector.fromArray(SPECIES, start, startAt + 7 * startStride + LANES);
        int leftEnd = leftAt + depth * 8;
        for (; leftAt < leftEnd; leftAt += 8, rightAt += rightStride) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, right, rightAt);
            FloatVector b1 = FloatVector.fromArray(SPECIES, right, rightAt + LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, left[leftAt]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, left[leftAt + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, left[leftAt + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, left[leftAt + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, left[leftAt + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, left[leftAt + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(SPECIES, left[leftAt + 6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(SPECIES, left[leftAt + 7]);
            c70 = a7.fma(b0, c70);
            c71 = a7.fma(b1, c71);
        }
        c00.intoArray(out, outAt);
        c01.intoArray(out, outAt + LANES);
        c10.intoArray(out, outAt + 1 * outStride);
        c11.intoArray(out, outAt + 1 * outStride + LANES);
        c20.intoArray(out, outAt + 2 * outStride);
        c21.intoArray(out, outAt + 2 * outStride + LANES);
        c30.intoArray(out, outAt + 3 * outStride);
        c31.intoArray(out, outAt + 3 * outStride + LANES);
        c40.intoArray(out, outAt + 4 * outStride);
        c41.intoArray(out, outAt + 4 * outStride + LANES);
        c50.intoArray(out, outAt + 5 * outStride);
        c51.intoArray(out, outAt + 5 * outStride + LANES);
        c60.intoArray(out, outAt + 6 * outStride);
        c61.intoArray(out, outAt + 6 * outStride + LANES);
        c70.intoArray(out, outAt + 7 * outStride);
        c71.intoArray(out, outAt + 7 * outStride + LANES);
    }

    /**
     * As {@link #multiply}, for a tile whose columns fit in one vector (a layer narrower than a vector,
     * or the last columns of a wider one): only the first vector of each right-panel step is used, so
     * 8 accumulators do half the work of the full tile.
     */
    static void multiplyNarrow(float[] left, int leftAt, float[] right, int rightAt, int rightStride, int depth,
                               float[] start, int startAt, int startStride, float[] out, int outAt, int outStride) {
        if (TILE_ROWS == 6) {
            multiplyNarrowSixRows(left, leftAt, right, rightAt, rightStride, depth, start, startAt, startStride, out,
                    outAt, outStride);
        } else if (TILE_ROWS == 4) {
            multiplyNarrowFourRows(left, leftAt, right, rightAt, rightStride, depth, start, startAt, startStride, out,
                    outAt, outStride);
        } else {
            multiplyNarrowEightRows(left, leftAt, right, rightAt, rightStride, depth, start, startAt, startStride,
                    out, outAt, outStride);
        }
    }

    /** {@link #multiplyNarrow} for a tile of 8 rows. */
    static void multiplyNarrowEightRows(float[] left, int leftAt, float[] right, int rightAt, int rightStride,
                                        int depth, float[] start, int startAt, int startStride, float[] out,
                                        int outAt, int outStride) {
        FloatVector c0 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector c1 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride);
        FloatVector c2 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride);
        FloatVector c3 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride);
        FloatVector c4 = FloatVector.fromArray(SPECIES, start, startAt + 4 * startStride);
        FloatVector c5 = FloatVector.fromArray(SPECIES, start, startAt + 5 * startStride);
        FloatVector c6 = FloatVector.fromArray(SPECIES, start, startAt + 6 * startStride);
        FloatVector c7 = FloatVector.fromArray(SPECIES, start, startAt + 7 * startStride);
        int leftEnd = leftAt + depth * 8;
        for (; leftAt < leftEnd; leftAt += 8, rightAt += rightStride) {
            FloatVector b = FloatVector.fromArray(SPECIES, right, rightAt);
            c0 = FloatVector.broadcast(SPECIES, left[leftAt]).fma(b, c0);
            c1 = FloatVector.broadcast(SPECIES, left[leftAt + 1]).fma(b, c1);
            c2 = FloatVector.broadcast(SPECIES, left[leftAt + 2]).fma(b, c2);
            c3 = FloatVector.broadcast(SPECIES, left[leftAt + 3]).fma(b, c3);
            c4 = FloatVector.broadcast(SPECIES, left[leftAt + 4]).fma(b, c4);
            c5 = FloatVector.broadcast(SPECIES, left[leftAt + 5]).fma(b, c5);
            c6 = FloatVector.broadcast(SPECIES, left[leftAt + 6]).fma(b, c6);
            c7 = FloatVector.broadcast(SPECIES, left[leftAt + 7]).fma(b, c7);
        }
        c0.intoArray(out, outAt);
        c1.intoArray(out, outAt + 1 * outStride);
        c2.intoArray(out, outAt + 2 * outStride);
        c3.intoArray(out, outAt + 3 * outStride);
        c4.intoArray(out, outAt + 4 * outStride);
        c5.intoArray(out, outAt + 5 * outStride);
        c6.intoArray(out, outAt + 6 * outStride);
        c7.intoArray(out, outAt + 7 * outStride);
    }

    /**
     * {@link #multiply} for a tile of 6 rows ({@link TileGeometry#TILE_ROWS} with 16 vector registers):
     * 12 accumulators, two right-hand vectors and one broadcast fill 15 of them.
     */
    static void multiplySixRows(float[] left, int leftAt, float[] right, int rightAt, int rightStride,
                                        int depth, float[] start, int startAt, int startStride, float[] out,
                                        int outAt, int outStride) {
        FloatVector c00 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector c01 = FloatVector.fromArray(SPECIES, start, startAt + LANES);
        FloatVector c10 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride);
        FloatVector c11 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride + LANES);
        FloatVector c20 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride);
        FloatVector c21 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride + LANES);
        FloatVector c30 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride);
        FloatVector c31 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride + LANES);
        FloatVector c40 = FloatVector.fromArray(SPECIES, start, startAt + 4 * startStride);
        FloatVector c41 = FloatVector.fromArray(SPECIES, start, startAt + 4 * startStride + LANES);
        FloatVector c50 = FloatVector.fromArray(SPECIES, start, startAt + 5 * startStride);
        FloatVector c51 = FloatVector.fromArray(SPECIES, start, startAt + 5 * startStride + LANES);
        int leftEnd = leftAt + depth * 6;
        for (; leftAt < leftEnd; leftAt += 6, rightAt += rightStride) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, right, rightAt);
            FloatVector b1 = FloatVector.fromArray(SPECIES, right, rightAt + LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, left[leftAt]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, left[leftAt + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, left[leftAt + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, left[leftAt + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, left[leftAt + 4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, left[leftAt + 5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
        }
        c00.intoArray(out, outAt);
        c01.intoArray(out, outAt + LANES);
        c10.intoArray(out, outAt + 1 * outStride);
        c11.intoArray(out, outAt + 1 * outStride + LANES);
        c20.intoArray(out, outAt + 2 * outStride);
        c21.intoArray(out, outAt + 2 * outStride + LANES);
        c30.intoArray(out, outAt + 3 * outStride);
        c31.intoArray(out, outAt + 3 * outStride + LANES);
        c40.intoArray(out, outAt + 4 * outStride);
        c41.intoArray(out, outAt + 4 * outStride + LANES);
        c50.intoArray(out, outAt + 5 * outStride);
        c51.intoArray(out, outAt + 5 * outStride + LANES);
    }

    /** {@link #multiplyNarrow} for a tile of 6 rows. */
    static void multiplyNarrowSixRows(float[] left, int leftAt, float[] right, int rightAt, int rightStride,
                                              int depth, float[] start, int startAt, int startStride, float[] out,
                                              int outAt, int outStride) {
        FloatVector c0 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector c1 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride);
        FloatVector c2 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride);
        FloatVector c3 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride);
        FloatVector c4 = FloatVector.fromArray(SPECIES, start, startAt + 4 * startStride);
        FloatVector c5 = FloatVector.fromArray(SPECIES, start, startAt + 5 * startStride);
        int leftEnd = leftAt + depth * 6;
        for (; leftAt < leftEnd; leftAt += 6, rightAt += rightStride) {
            FloatVector b = FloatVector.fromArray(SPECIES, right, rightAt);
            c0 = FloatVector.broadcast(SPECIES, left[leftAt]).fma(b, c0);
            c1 = FloatVector.broadcast(SPECIES, left[leftAt + 1]).fma(b, c1);
            c2 = FloatVector.broadcast(SPECIES, left[leftAt + 2]).fma(b, c2);
            c3 = FloatVector.broadcast(SPECIES, left[leftAt + 3]).fma(b, c3);
            c4 = FloatVector.broadcast(SPECIES, left[leftAt + 4]).fma(b, c4);
            c5 = FloatVector.broadcast(SPECIES, left[leftAt + 5]).fma(b, c5);
        }
        c0.intoArray(out, outAt);
        c1.intoArray(out, outAt + 1 * outStride);
        c2.intoArray(out, outAt + 2 * outStride);
        c3.intoArray(out, outAt + 3 * outStride);
        c4.intoArray(out, outAt + 4 * outStride);
        c5.intoArray(out, outAt + 5 * outStride);
    }

    /**
     * {@link #multiply} for a tile of 4 rows ({@link TileGeometry#TILE_ROWS} with 16 vector registers):
     * 8 accumulators, two right-hand vectors and the broadcasts leave the compiler registers to spare.
     * Left panels have 4 values per step.
     */
    static void multiplyFourRows(float[] left, int leftAt, float[] right, int rightAt, int rightStride, int depth,
                                 float[] start, int startAt, int startStride, float[] out, int outAt, int outStride) {
        FloatVector c00 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector c01 = FloatVector.fromArray(SPECIES, start, startAt + LANES);
        FloatVector c10 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride);
        FloatVector c11 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride + LANES);
        FloatVector c20 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride);
        FloatVector c21 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride + LANES);
        FloatVector c30 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride);
        FloatVector c31 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride + LANES);
        int leftEnd = leftAt + depth * 4;
        for (; leftAt < leftEnd; leftAt += 4, rightAt += rightStride) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, right, rightAt);
            FloatVector b1 = FloatVector.fromArray(SPECIES, right, rightAt + LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, left[leftAt]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, left[leftAt + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, left[leftAt + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, left[leftAt + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        c00.intoArray(out, outAt);
        c01.intoArray(out, outAt + LANES);
        c10.intoArray(out, outAt + 1 * outStride);
        c11.intoArray(out, outAt + 1 * outStride + LANES);
        c20.intoArray(out, outAt + 2 * outStride);
        c21.intoArray(out, outAt + 2 * outStride + LANES);
        c30.intoArray(out, outAt + 3 * outStride);
        c31.intoArray(out, outAt + 3 * outStride + LANES);
    }

    /** {@link #multiplyNarrow} for a tile of 4 rows. */
    static void multiplyNarrowFourRows(float[] left, int leftAt, float[] right, int rightAt, int rightStride,
                                       int depth, float[] start, int startAt, int startStride, float[] out,
                                       int outAt, int outStride) {
        FloatVector c0 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector c1 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride);
        FloatVector c2 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride);
        FloatVector c3 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride);
        int leftEnd = leftAt + depth * 4;
        for (; leftAt < leftEnd; leftAt += 4, rightAt += rightStride) {
            FloatVector b = FloatVector.fromArray(SPECIES, right, rightAt);
            c0 = FloatVector.broadcast(SPECIES, left[leftAt]).fma(b, c0);
            c1 = FloatVector.broadcast(SPECIES, left[leftAt + 1]).fma(b, c1);
            c2 = FloatVector.broadcast(SPECIES, left[leftAt + 2]).fma(b, c2);
            c3 = FloatVector.broadcast(SPECIES, left[leftAt + 3]).fma(b, c3);
        }
        c0.intoArray(out, outAt);
        c1.intoArray(out, outAt + 1 * outStride);
        c2.intoArray(out, outAt + 2 * outStride);
        c3.intoArray(out, outAt + 3 * outStride);
    }
}
