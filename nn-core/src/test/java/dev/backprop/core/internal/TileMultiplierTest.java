package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.LANES;
import static dev.backprop.core.internal.TileGeometry.TILE_COLUMNS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both register tiles (8 rows for CPUs with 32 vector registers, 6 or 4 rows for AVX2's 16), whichever this
 * CPU uses, against the scalar chain {@code sum = fma(left[q], right[q], sum)} over the steps in order:
 * every output element must match it bit for bit, which is what makes results the same on any machine
 * and for any split of the work. Also checks the geometry chosen for this CPU.
 */
class TileMultiplierTest {

    /** Full, narrow, packed or in place (a wider right stride), from a start tile or a repeated bias row. */
    interface Tile {
        void multiply(float[] left, int leftAt, float[] right, int rightAt, int rightStride, int depth,
                      float[] start, int startAt, int startStride, float[] out, int outAt, int outStride);
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {0, 1, 7, 128, 301})
    void everyTile_isTheScalarFusedChain_bitForBit(int depth) {
        check(8, TILE_COLUMNS, TileMultiplier::multiplyEightRows, depth);
        check(8, LANES, TileMultiplier::multiplyNarrowEightRows, depth);
        check(6, TILE_COLUMNS, TileMultiplier::multiplySixRows, depth);
        check(6, LANES, TileMultiplier::multiplyNarrowSixRows, depth);
        check(4, TILE_COLUMNS, TileMultiplier::multiplyFourRows, depth);
        check(4, LANES, TileMultiplier::multiplyNarrowFourRows, depth);
    }

    /** A tile that reads its 8 left rows in place, row {@code r} of step {@code q} at {@code leftAt + r·rowStride + q·stepStride}. */
    interface InPlaceTile {
        void multiply(float[] left, int leftAt, int rowStride, int stepStride, float[] right, int rightAt,
                      int rightStride, int depth, float[] start, int startAt, int startStride, float[] out, int outAt,
                      int outStride);
    }

    @ParameterizedTest(name = "depth {0}")
    @ValueSource(ints = {0, 1, 7, 128, 301})
    void inPlaceTiles_areTheScalarFusedChain_bitForBit_inBothOrientations(int depth) {
        for (int[] strides : new int[][] {{depth + 5, 1}, {1, 8}, {2, 19}}) {
            checkInPlace(TILE_COLUMNS, InPlaceTileMultiplier::multiply, depth, strides[0], strides[1]);
            checkInPlace(LANES, InPlaceTileMultiplier::multiplyNarrow, depth, strides[0], strides[1]);
        }
    }

    @Test
    void theTileFitsThisCpusVectorRegisters() {
        int accumulators = TileGeometry.TILE_ROWS * 2;
        assertTrue(accumulators + 3 <= TileGeometry.VECTOR_REGISTERS,
                accumulators + " accumulators, 2 right vectors and a broadcast need more than the "
                        + TileGeometry.VECTOR_REGISTERS + " vector registers");
        assertEquals(0, TileGeometry.ROW_BLOCK % TileGeometry.TILE_ROWS, "row blocks hold whole tiles");
        assertEquals(LANES >= 16 ? 8 : TileGeometry.TILE_ROWS, TileGeometry.TILE_ROWS,
                "AVX-512 keeps the 8-row tile");
    }

    private static void check(int rows, int columns, Tile tile, int depth) {
        SplittableRandom random = new SplittableRandom(17L * rows + columns + depth);
        for (int rightStride : new int[] {TILE_COLUMNS, 3 * TILE_COLUMNS + 5}) {
            for (boolean biasRow : new boolean[] {false, true}) {
                float[] left = values(rows * depth + 3, random);
                float[] right = values(rightStride * depth + TILE_COLUMNS + 2, random);
                int outStride = TILE_COLUMNS + 9;
                float[] start = values(rows * outStride + 1, random);
                int startStride = biasRow ? 0 : outStride;
                float[] out = new float[rows * outStride + 4];
                Arrays.fill(out, Float.NaN);
                tile.multiply(left, 3, right, 2, rightStride, depth, start, 1, startStride, out, 4, outStride);
                for (int r = 0; r < rows; r++) {
                    for (int c = 0; c < columns; c++) {
                        float sum = start[1 + r * startStride + c];
                        for (int q = 0; q < depth; q++) {
                            sum = Math.fma(left[3 + q * rows + r], right[2 + q * rightStride + c], sum);
                        }
                        String where = rows + "-row tile, " + columns + " columns, element (" + r + ", " + c
                                + "), right stride " + rightStride + (biasRow ? ", from a bias row" : "");
                        assertEquals(Float.floatToIntBits(sum), Float.floatToIntBits(out[4 + r * outStride + c]),
                                where);
                    }
                }
            }
        }
    }

    private static void checkInPlace(int columns, InPlaceTile tile, int depth, int rowStride, int stepStride) {
        SplittableRandom random = new SplittableRandom(31L * rowStride + 7L * stepStride + columns + depth);
        int rightStride = 3 * TILE_COLUMNS + 5;
        float[] left = values(3 + 7 * rowStride + Math.max(depth - 1, 0) * stepStride + 1, random);
        float[] right = values(rightStride * depth + TILE_COLUMNS + 2, random);
        int outStride = TILE_COLUMNS + 9;
        float[] start = values(8 * outStride + 1, random);
        float[] out = new float[8 * outStride + 4];
        Arrays.fill(out, Float.NaN);
        tile.multiply(left, 3, rowStride, stepStride, right, 2, rightStride, depth, start, 1, outStride, out, 4,
                outStride);
        for (int r = 0; r < 8; r++) {
            for (int c = 0; c < columns; c++) {
                float sum = start[1 + r * outStride + c];
                for (int q = 0; q < depth; q++) {
                    sum = Math.fma(left[3 + r * rowStride + q * stepStride], right[2 + q * rightStride + c], sum);
                }
                assertEquals(Float.floatToIntBits(sum), Float.floatToIntBits(out[4 + r * outStride + c]),
                        "in-place tile, " + columns + " columns, row stride " + rowStride + ", step stride "
                                + stepStride + ", element (" + r + ", " + c + ")");
            }
        }
    }

    private static float[] values(int count, SplittableRandom random) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }
}
