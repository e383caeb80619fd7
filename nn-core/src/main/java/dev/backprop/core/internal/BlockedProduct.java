package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.COLUMN_BLOCK;
import static dev.backprop.core.internal.TileGeometry.DEPTH_BLOCK;
import static dev.backprop.core.internal.TileGeometry.ROW_BLOCK;
import static dev.backprop.core.internal.TileGeometry.TILE_COLUMNS;
import static dev.backprop.core.internal.TileGeometry.TILE_ROWS;
import static dev.backprop.core.internal.TileGeometry.tilesIn;

import java.util.Arrays;

/**
 * A general matrix product {@code C = S + L·R} on strided operands, computed block by block over a
 * rectangle of {@code C}: the classic Goto/BLIS loop nest. For each block of columns and each block of
 * summed steps it packs the right operand's block into column panels (kept in L2, one panel in L1 while
 * in use), then for each block of rows packs the left operand's block into row panels and sweeps the
 * register tile over the pair. Packing touches only the rows and columns of the requested rectangle,
 * so a thread computing half of {@code C} packs half of the operand it was given half of.
 *
 * <p>The sums start from {@code S}, given like the operands by an array and two strides: {@code C}
 * itself to accumulate, a bias row with row stride 0, or {@code null} for zero. Every element of
 * {@code C} is then the same chain of fused multiply-adds over the summed index in increasing order,
 * whatever rectangle it is computed in: results do not depend on how {@code C} is split.
 */
final class BlockedProduct {

    private BlockedProduct() {
    }

    /**
     * Computes rows {@code [rowFrom, rowTo)} by columns {@code [columnFrom, columnTo)} of
     * {@code C = S + L·R}, where {@code L(i, q) = left[i·leftRowStride + q·leftStepStride]},
     * {@code R(q, j) = right[q·rightStepStride + j·rightColumnStride]}, {@code q} runs over
     * {@code [0, depth)}, {@code S(i, j) = start[i·startRowStride + j]} (zero when {@code start} is null)
     * and {@code C(i, j) = out[i·outStride + j]}.
     */
    static void multiply(float[] left, int leftRowStride, int leftStepStride,
                         float[] right, int rightStepStride, int rightColumnStride,
                         float[] start, int startRowStride, float[] out, int outStride, int depth,
                         int rowFrom, int rowTo, int columnFrom, int columnTo) {
        if (rowFrom >= rowTo || columnFrom >= columnTo) {
            return;
        }
        KernelWorkspace workspace = KernelWorkspace.current();
        float[] firstStart = start == null ? workspace.zeroRow() : start;
        int firstStartRowStride = start == null ? 0 : startRowStride;
        int firstStartColumnStride = start == null ? 0 : 1;
        if (depth == 0) {
            copyStart(firstStart, firstStartRowStride, firstStartColumnStride, rowFrom, rowTo, columnFrom, columnTo,
                    out, outStride, 0, 0);
            return;
        }
        int depthBlocks = tilesIn(depth, DEPTH_BLOCK);
        int longestBlock = tilesIn(depth, depthBlocks);
        float[] rightPanels = workspace.rightPanels(
                longestBlock * TILE_COLUMNS * tilesIn(Math.min(COLUMN_BLOCK, columnTo - columnFrom), TILE_COLUMNS));
        float[] leftPanels = workspace.leftPanels(
                longestBlock * TILE_ROWS * tilesIn(Math.min(ROW_BLOCK, rowTo - rowFrom), TILE_ROWS));
        for (int columnBlock = columnFrom; columnBlock < columnTo; columnBlock += COLUMN_BLOCK) {
            int columnBlockEnd = Math.min(columnTo, columnBlock + COLUMN_BLOCK);
            for (int block = 0; block < depthBlocks; block++) {
                int stepFrom = MatrixKernels.shareStart(depth, block, depthBlocks);
                int steps = MatrixKernels.shareStart(depth, block + 1, depthBlocks) - stepFrom;
                PanelPacker.packRight(right, rightStepStride, rightColumnStride, stepFrom, steps,
                        columnBlock, columnBlockEnd, rightPanels);
                boolean first = block == 0;
                for (int rowBlock = rowFrom; rowBlock < rowTo; rowBlock += ROW_BLOCK) {
                    int rowBlockEnd = Math.min(rowTo, rowBlock + ROW_BLOCK);
                    PanelPacker.packLeft(left, leftRowStride, leftStepStride, rowBlock, rowBlockEnd,
                            stepFrom, steps, leftPanels);
                    sweepTiles(leftPanels, rightPanels, steps,
                            first ? firstStart : out, first ? firstStartRowStride : outStride,
                            first ? firstStartColumnStride : 1, out, outStride,
                            rowBlock, rowBlockEnd, columnBlock, columnBlockEnd, workspace.edgeTile());
                }
            }
        }
    }

    /** Every register tile of one packed row block against one packed column block. */
    private static void sweepTiles(float[] leftPanels, float[] rightPanels, int steps,
                                   float[] start, int startRowStride, int startColumnStride, float[] out, int outStride,
                                   int rowFrom, int rowTo, int columnFrom, int columnTo, float[] edgeTile) {
        int rightPanelSize = TILE_COLUMNS * steps;
        int leftPanelSize = TILE_ROWS * steps;
        for (int column = columnFrom, rightAt = 0; column < columnTo; column += TILE_COLUMNS, rightAt += rightPanelSize) {
            int columns = Math.min(TILE_COLUMNS, columnTo - column);
            for (int row = rowFrom, leftAt = 0; row < rowTo; row += TILE_ROWS, leftAt += leftPanelSize) {
                int rows = Math.min(TILE_ROWS, rowTo - row);
                if (rows == TILE_ROWS && columns == TILE_COLUMNS) {
                    TileMultiplier.multiply(leftPanels, leftAt, rightPanels, rightAt, steps,
                            start, row * startRowStride + column * startColumnStride, startRowStride,
                            out, row * outStride + column, outStride);
                } else {
                    Arrays.fill(edgeTile, 0f);
                    copyStart(start, startRowStride, startColumnStride, row, row + rows, column, column + columns,
                            edgeTile, TILE_COLUMNS, row, column);
                    TileMultiplier.multiply(leftPanels, leftAt, rightPanels, rightAt, steps,
                            edgeTile, 0, TILE_COLUMNS, edgeTile, 0, TILE_COLUMNS);
                    for (int r = 0; r < rows; r++) {
                        System.arraycopy(edgeTile, r * TILE_COLUMNS, out, (row + r) * outStride + column, columns);
                    }
                }
            }
        }
    }

    /** Copies {@code S} over rows {@code [rowFrom, rowTo)} by columns {@code [columnFrom, columnTo)} into {@code out}, whose origin is at {@code (rowOrigin, columnOrigin)}. */
    private static void copyStart(float[] start, int startRowStride, int startColumnStride,
                                  int rowFrom, int rowTo, int columnFrom, int columnTo,
                                  float[] out, int outStride, int rowOrigin, int columnOrigin) {
        for (int i = rowFrom; i < rowTo; i++) {
            for (int j = columnFrom; j < columnTo; j++) {
                out[(i - rowOrigin) * outStride + j - columnOrigin] = start[i * startRowStride + j * startColumnStride];
            }
        }
    }
}
