package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.LANES;
import static dev.backprop.core.internal.TileGeometry.SPECIES;

import jdk.incubator.vector.FloatVector;

/**
 * The 8-row register tiles of {@link TileMultiplier} with the left operand read where it lies instead of
 * from a packed panel: row {@code r} of step {@code q} at {@code left[leftAt + r·rowStride + q·stepStride]}.
 * Each step still broadcasts one left value per row, so reading it in place costs the same loads as
 * reading a panel, and saves copying the operand when it is used for only a few column panels (a batch
 * of 32 examples times a layer of 100 units: the input is used by four panels and packing it took a
 * third as long as the products). Every output element is the same chain of fused multiply-adds as in
 * the packed tile, so the results are bit-identical.
 *
 * <p>Only the 8-row tile (32 vector registers) has this form; the 6- and 4-row tiles of AVX2 always
 * read packed panels.
 */
final class InPlaceTileMultiplier {

    private InPlaceTileMultiplier() {
    }

    /**
     * {@code out[8 × 2·LANES] = start + L·R} over {@code depth} steps, with {@code L} read in place as
     * above and {@code R} as in {@link TileMultiplier#multiply}; all 8 rows of {@code L} must lie inside
     * {@code left}.
     */
    static void multiply(float[] left, int leftAt, int rowStride, int stepStride, float[] right, int rightAt,
                         int rightStride, int depth, float[] start, int startAt, int startStride, float[] out,
                         int outAt, int outStride) {
        int r1 = rowStride;
        int r2 = 2 * rowStride;
        int r3 = 3 * rowStride;
        int r4 = 4 * rowStride;
        int r5 = 5 * rowStride;
        int r6 = 6 * rowStride;
        int r7 = 7 * rowStride;
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
        for (int q = 0, l = leftAt; q < depth; q++, l += stepStride, rightAt += rightStride) {
            FloatVector b0 = FloatVector.fromArray(SPECIES, right, rightAt);
            FloatVector b1 = FloatVector.fromArray(SPECIES, right, rightAt + LANES);
            FloatVector a0 = FloatVector.broadcast(SPECIES, left[l]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(SPECIES, left[l + r1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(SPECIES, left[l + r2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(SPECIES, left[l + r3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
            FloatVector a4 = FloatVector.broadcast(SPECIES, left[l + r4]);
            c40 = a4.fma(b0, c40);
            c41 = a4.fma(b1, c41);
            FloatVector a5 = FloatVector.broadcast(SPECIES, left[l + r5]);
            c50 = a5.fma(b0, c50);
            c51 = a5.fma(b1, c51);
            FloatVector a6 = FloatVector.broadcast(SPECIES, left[l + r6]);
            c60 = a6.fma(b0, c60);
            c61 = a6.fma(b1, c61);
            FloatVector a7 = FloatVector.broadcast(SPECIES, left[l + r7]);
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

    /** As {@link #multiply}, for a tile whose columns fit in one vector (see {@link TileMultiplier#multiplyNarrow}). */
    static void multiplyNarrow(float[] left, int leftAt, int rowStride, int stepStride, float[] right, int rightAt,
                               int rightStride, int depth, float[] start, int startAt, int startStride, float[] out,
                               int outAt, int outStride) {
        int r1 = rowStride;
        int r2 = 2 * rowStride;
        int r3 = 3 * rowStride;
        int r4 = 4 * rowStride;
        int r5 = 5 * rowStride;
        int r6 = 6 * rowStride;
        int r7 = 7 * rowStride;
        FloatVector c0 = FloatVector.fromArray(SPECIES, start, startAt);
        FloatVector c1 = FloatVector.fromArray(SPECIES, start, startAt + 1 * startStride);
        FloatVector c2 = FloatVector.fromArray(SPECIES, start, startAt + 2 * startStride);
        FloatVector c3 = FloatVector.fromArray(SPECIES, start, startAt + 3 * startStride);
        FloatVector c4 = FloatVector.fromArray(SPECIES, start, startAt + 4 * startStride);
        FloatVector c5 = FloatVector.fromArray(SPECIES, start, startAt + 5 * startStride);
        FloatVector c6 = FloatVector.fromArray(SPECIES, start, startAt + 6 * startStride);
        FloatVector c7 = FloatVector.fromArray(SPECIES, start, startAt + 7 * startStride);
        for (int q = 0, l = leftAt; q < depth; q++, l += stepStride, rightAt += rightStride) {
            FloatVector b = FloatVector.fromArray(SPECIES, right, rightAt);
            c0 = FloatVector.broadcast(SPECIES, left[l]).fma(b, c0);
            c1 = FloatVector.broadcast(SPECIES, left[l + r1]).fma(b, c1);
            c2 = FloatVector.broadcast(SPECIES, left[l + r2]).fma(b, c2);
            c3 = FloatVector.broadcast(SPECIES, left[l + r3]).fma(b, c3);
            c4 = FloatVector.broadcast(SPECIES, left[l + r4]).fma(b, c4);
            c5 = FloatVector.broadcast(SPECIES, left[l + r5]).fma(b, c5);
            c6 = FloatVector.broadcast(SPECIES, left[l + r6]).fma(b, c6);
            c7 = FloatVector.broadcast(SPECIES, left[l + r7]).fma(b, c7);
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
}
