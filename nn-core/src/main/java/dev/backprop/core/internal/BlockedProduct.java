package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.COLUMN_BLOCK;
import static dev.backprop.core.internal.TileGeometry.DEPTH_BLOCK;
import static dev.backprop.core.internal.TileGeometry.IN_PLACE_ROWS;
import static dev.backprop.core.internal.TileGeometry.LANES;
import static dev.backprop.core.internal.TileGeometry.LEFT_IN_PLACE_COLUMNS;
import static dev.backprop.core.internal.TileGeometry.ROW_BLOCK;
import static dev.backprop.core.internal.TileGeometry.TILE_COLUMNS;
import static dev.backprop.core.internal.TileGeometry.TILE_ROWS;
import static dev.backprop.core.internal.TileGeometry.tilesIn;

import java.util.Arrays;

/**
 * A general matrix product {@code C = S + L·R} on strided operands, computed block by block over a
 * rectangle of {@code C}: the Goto/BLIS loop nest. For each block of columns and each block of summed
 * steps it packs the right operand's block into column panels (kept in L2, one panel in L1 while in
 * use), then for each block of rows packs the left operand's block into row panels and sweeps the
 * register tile over every row tile against every panel. Packing touches only the rows and columns of
 * the requested rectangle, so a thread computing half of {@code C} packs half of the operand it was given
 * half of.
 *
 * <p>The sums start from {@code S}, given like the operands by an array and a row stride: {@code C}
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
        Sweep sweep = workspace.sweep();
        sweep.out = out;
        sweep.outStride = outStride;
        sweep.leftPanels = leftPanels;
        sweep.rightPanels = rightPanels;
        boolean inPlace = rightColumnStride == 1 && rowTo - rowFrom <= IN_PLACE_ROWS;
        for (int columnBlock = columnFrom; columnBlock < columnTo; columnBlock += COLUMN_BLOCK) {
            int columnBlockEnd = Math.min(columnTo, columnBlock + COLUMN_BLOCK);
            boolean leftInPlace = TILE_ROWS == 8 && leftStepStride == 1
                    && columnBlockEnd - columnBlock <= LEFT_IN_PLACE_COLUMNS;
            for (int block = 0; block < depthBlocks; block++) {
                int stepFrom = MatrixKernels.shareStart(depth, block, depthBlocks);
                int steps = MatrixKernels.shareStart(depth, block + 1, depthBlocks) - stepFrom;
                if (inPlace) {
                    int edge = columnBlockEnd - (columnBlockEnd - columnBlock) % TILE_COLUMNS;
                    int edgeInPlaceSteps = edgeStepsInPlace(right.length, rightStepStride, stepFrom, steps, edge,
                            columnBlockEnd);
                    if (edgeInPlaceSteps < steps) {
                        PanelPacker.packRight(right, rightStepStride, 1, stepFrom + edgeInPlaceSteps,
                                steps - edgeInPlaceSteps, edge, columnBlockEnd, rightPanels);
                    }
                    sweep.readRightInPlace(right, stepFrom * rightStepStride, rightStepStride, edge,
                            edgeInPlaceSteps);
                } else {
                    PanelPacker.packRight(right, rightStepStride, rightColumnStride, stepFrom, steps,
                            columnBlock, columnBlockEnd, rightPanels);
                    sweep.readRightPacked();
                }
                sweep.steps = steps;
                boolean first = block == 0;
                sweep.startIsZero = first && start == null;
                sweep.start = first ? firstStart : out;
                sweep.startRowStride = first ? firstStartRowStride : outStride;
                sweep.startColumnStride = first ? firstStartColumnStride : 1;
                for (int rowBlock = rowFrom; rowBlock < rowTo; rowBlock += ROW_BLOCK) {
                    int rowBlockEnd = Math.min(rowTo, rowBlock + ROW_BLOCK);
                    if (leftInPlace) {
                        sweep.readLeftInPlace(left, stepFrom * leftStepStride, leftRowStride, leftStepStride,
                                packedRowEdge(left, leftRowStride, leftStepStride, stepFrom, steps, rowBlock,
                                        rowBlockEnd, leftPanels));
                    } else {
                        PanelPacker.packLeft(left, leftRowStride, leftStepStride, rowBlock, rowBlockEnd,
                                stepFrom, steps, leftPanels);
                        sweep.readLeftPacked();
                    }
                    sweep.run(rowBlock, rowBlockEnd, columnBlock, columnBlockEnd);
                }
            }
        }
        sweep.release();
    }

    /**
     * How many of the {@code steps} from {@code stepFrom} can read the partial last panel of columns
     * {@code [edge, columnTo)} in place: its tile reads a whole vector ({@code LANES} columns for a
     * narrow tile, {@code TILE_COLUMNS} otherwise) from each step's row, past the row's end into the next
     * row (lanes whose results are dropped), which must stay inside the array; the steps after those, at
     * most a row's worth at the end of the array, are read from a packed panel instead. Packing every
     * step's few edge columns cost as much as a whole panel of products (two copies per step).
     */
    private static int edgeStepsInPlace(int length, int stepStride, int stepFrom, int steps, int edge, int columnTo) {
        if (edge == columnTo) {
            return steps;
        }
        int width = columnTo - edge <= LANES ? LANES : TILE_COLUMNS;
        int room = length - width - edge;
        if (room < 0) {
            return 0;
        }
        long lastStep = stepStride == 0 ? Long.MAX_VALUE : room / stepStride;
        return (int) Math.max(0, Math.min(steps, lastStep - stepFrom + 1));
    }

    /**
     * Packs the last tile of rows {@code [rowFrom, rowTo)} when it is partial (fewer than
     * {@link TileGeometry#TILE_ROWS} rows: read in place, its tile would read rows past the block), at the
     * start of {@code panels}; returns the row where that tile starts, or {@code rowTo} when every tile is
     * whole.
     */
    private static int packedRowEdge(float[] left, int leftRowStride, int leftStepStride, int stepFrom, int steps,
                                     int rowFrom, int rowTo, float[] panels) {
        int partial = (rowTo - rowFrom) % TILE_ROWS;
        if (partial == 0) {
            return rowTo;
        }
        int edge = rowTo - partial;
        PanelPacker.packLeft(left, leftRowStride, leftStepStride, edge, rowTo, stepFrom, steps, panels);
        return edge;
    }

    /**
     * Every register tile of one packed row block against one packed column block, for one block of
     * steps. A per-thread, reused holder of the loop's invariants (so the tile loop needs no long
     * parameter lists and allocates nothing); {@link #release()} drops its references to the caller's
     * arrays.
     */
    static final class Sweep {

        private final float[] edgeTile = new float[TILE_ROWS * TILE_COLUMNS];
        private float[] leftPanels;
        private float[] rightPanels;
        /** The right operand itself, read in place (null when every panel is packed). */
        private float[] right;
        /** Where column 0 of the current block of steps starts in {@link #right}, and how far apart its steps are. */
        private int rightOrigin;
        private int rightStride;
        /** The first column of the partial edge panel when reading in place (past the end: none). */
        private int packedFrom;
        /** How many steps read the edge panel in place; the rest read it packed, at the start of the right panels. */
        private int edgeInPlaceSteps;
        /** The left operand itself, read in place (null when its row block is packed). */
        private float[] left;
        /** Where row 0 of the current block of steps starts in {@link #left}, and its row and step strides. */
        private int leftOrigin;
        private int leftRowStride;
        private int leftStepStride;
        /** The first row of the packed edge tile when reading the left operand in place (past the end: none). */
        private int leftPackedFrom;
        private int steps;
        private float[] start;
        /** Whether {@link #start} is the zero row: edge tiles then start from their zeroed scratch as it is. */
        private boolean startIsZero;
        private int startRowStride;
        private int startColumnStride;
        private float[] out;
        private int outStride;

        /** The next blocks of steps read packed panels of the right operand. */
        private void readRightPacked() {
            right = null;
        }

        /**
         * The next blocks of steps read the right operand in place: column {@code j} of step {@code q}
         * (from the block's first) at {@code values[origin + q·stride + j]}, except the columns from
         * {@code packedFrom} on for steps from {@code edgeInPlaceSteps} on, packed at the start of the right
         * panels.
         */
        private void readRightInPlace(float[] values, int origin, int stride, int packedFrom, int edgeInPlaceSteps) {
            right = values;
            rightOrigin = origin;
            rightStride = stride;
            this.packedFrom = packedFrom;
            this.edgeInPlaceSteps = edgeInPlaceSteps;
        }

        /** The next row blocks read packed panels of the left operand. */
        private void readLeftPacked() {
            left = null;
        }

        /**
         * The next row block reads the left operand in place: row {@code i}, step {@code q} (from the
         * block's first) at {@code values[origin + i·rowStride + q·stepStride]}, except the rows from
         * {@code packedFrom} on, packed at the start of the left panels.
         */
        private void readLeftInPlace(float[] values, int origin, int rowStride, int stepStride, int packedFrom) {
            left = values;
            leftOrigin = origin;
            leftRowStride = rowStride;
            leftStepStride = stepStride;
            leftPackedFrom = packedFrom;
        }

        private void run(int rowFrom, int rowTo, int columnFrom, int columnTo) {
            int rightPanelSize = TILE_COLUMNS * steps;
            int leftPanelSize = TILE_ROWS * steps;
            for (int column = columnFrom, panelAt = 0; column < columnTo;
                 column += TILE_COLUMNS, panelAt += rightPanelSize) {
                int columns = Math.min(TILE_COLUMNS, columnTo - column);
                boolean inPlace = right != null;
                float[] rightValues = inPlace ? right : rightPanels;
                int rightAt = inPlace ? rightOrigin + column : panelAt;
                int stride = inPlace ? rightStride : TILE_COLUMNS;
                int inPlaceSteps = inPlace && column >= packedFrom ? edgeInPlaceSteps : steps;
                for (int row = rowFrom, leftAt = 0; row < rowTo; row += TILE_ROWS, leftAt += leftPanelSize) {
                    int rows = Math.min(TILE_ROWS, rowTo - row);
                    boolean leftInPlace = left != null && row < leftPackedFrom;
                    int packedAt = left != null ? 0 : leftAt;
                    if (rows == TILE_ROWS && columns == TILE_COLUMNS) {
                        if (leftInPlace) {
                            InPlaceTileMultiplier.multiply(left, leftOrigin + row * leftRowStride, leftRowStride,
                                    leftStepStride, rightValues, rightAt, stride, steps,
                                    start, row * startRowStride + column * startColumnStride, startRowStride,
                                    out, row * outStride + column, outStride);
                        } else {
                            fullTile(row, column, packedAt, rightValues, rightAt, stride);
                        }
                    } else {
                        edgeTile(row, rows, column, columns, leftInPlace, packedAt, rightValues, rightAt, stride,
                                inPlaceSteps);
                    }
                }
            }
        }

        private void fullTile(int row, int column, int leftAt, float[] rightValues, int rightAt, int stride) {
            TileMultiplier.multiply(leftPanels, leftAt, rightValues, rightAt, stride, steps,
                    start, row * startRowStride + column * startColumnStride, startRowStride,
                    out, row * outStride + column, outStride);
        }

        /**
         * A tile cut short by the edge of {@code C}: computed whole in scratch space, the valid part copied
         * out. Its first {@code rightSteps} steps read the right operand from {@code rightValues} as given,
         * the rest (of a partial panel read in place, past the end of the array) from the packed edge panel
         * at the start of the right panels; the chain of each element just goes on.
         */
        private void edgeTile(int row, int rows, int column, int columns, boolean leftInPlace, int leftAt,
                              float[] rightValues, int rightAt, int stride, int rightSteps) {
            float[] tile = edgeTile;
            Arrays.fill(tile, 0f);
            if (!startIsZero) {
                copyStart(start, startRowStride, startColumnStride, row, row + rows, column, column + columns,
                        tile, TILE_COLUMNS, row, column);
            }
            edgeProduct(tile, row, columns, leftInPlace, leftAt, 0, rightSteps, rightValues, rightAt, stride);
            edgeProduct(tile, row, columns, leftInPlace, leftAt, rightSteps, steps - rightSteps, rightPanels, 0,
                    TILE_COLUMNS);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(tile, r * TILE_COLUMNS, out, (row + r) * outStride + column, columns);
            }
        }

        /** Adds steps {@code [fromStep, fromStep + count)} of the edge tile's product into {@code tile}. */
        private void edgeProduct(float[] tile, int row, int columns, boolean leftInPlace, int leftAt, int fromStep,
                                 int count, float[] rightValues, int rightAt, int stride) {
            if (count == 0) {
                return;
            }
            if (leftInPlace) {
                int at = leftOrigin + row * leftRowStride + fromStep * leftStepStride;
                if (columns <= LANES) {
                    InPlaceTileMultiplier.multiplyNarrow(left, at, leftRowStride, leftStepStride, rightValues,
                            rightAt, stride, count, tile, 0, TILE_COLUMNS, tile, 0, TILE_COLUMNS);
                } else {
                    InPlaceTileMultiplier.multiply(left, at, leftRowStride, leftStepStride, rightValues, rightAt,
                            stride, count, tile, 0, TILE_COLUMNS, tile, 0, TILE_COLUMNS);
                }
            } else {
                int at = leftAt + fromStep * TILE_ROWS;
                if (columns <= LANES) {
                    TileMultiplier.multiplyNarrow(leftPanels, at, rightValues, rightAt, stride, count,
                            tile, 0, TILE_COLUMNS, tile, 0, TILE_COLUMNS);
                } else {
                    TileMultiplier.multiply(leftPanels, at, rightValues, rightAt, stride, count,
                            tile, 0, TILE_COLUMNS, tile, 0, TILE_COLUMNS);
                }
            }
        }

        private void release() {
            leftPanels = null;
            rightPanels = null;
            right = null;
            left = null;
            start = null;
            out = null;
        }
    }

    /**
     * Copies {@code S} over rows {@code [rowFrom, rowTo)} by columns {@code [columnFrom, columnTo)} into
     * {@code out}, whose element {@code (0, 0)} stands for {@code (rowOrigin, columnOrigin)}.
     */
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
