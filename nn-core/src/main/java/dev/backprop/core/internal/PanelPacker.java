package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.TILE_COLUMNS;
import static dev.backprop.core.internal.TileGeometry.TILE_ROWS;

import java.util.Arrays;

/**
 * Copies a block of a strided matrix into the panel layout {@link TileMultiplier} reads, so that the
 * micro-kernel walks memory strictly forwards whatever the operand's orientation. A matrix is given as
 * an array and two strides: element {@code (r, q)} is {@code values[r·rowStride + q·stepStride]}, which
 * lets one packer read {@code X}, {@code Xᵀ}, {@code W} or {@code Wᵀ} in place (the transposes are folded
 * into the copy). Rows or columns missing from the last panel are filled with zeros.
 */
final class PanelPacker {

    private PanelPacker() {
    }

    /**
     * Packs the left operand: rows {@code [rowFrom, rowTo)} by steps {@code [stepFrom, stepFrom + depth)}
     * into panels of {@link TileGeometry#TILE_ROWS} rows. Panel {@code t} starts at
     * {@code t · TILE_ROWS · depth}; within it, step {@code q} holds its {@code TILE_ROWS} row values
     * side by side.
     */
    static void packLeft(float[] values, int rowStride, int stepStride, int rowFrom, int rowTo,
                         int stepFrom, int depth, float[] panels) {
        int panelSize = TILE_ROWS * depth;
        int panelRow = rowFrom;
        int panelAt = 0;
        if (rowStride == 1) {
            int wholePanels = (rowTo - rowFrom) / TILE_ROWS;
            packWholePanelsStepByStep(values, stepStride, rowFrom, wholePanels, stepFrom, depth, panels);
            panelRow += wholePanels * TILE_ROWS;
            panelAt += wholePanels * panelSize;
        }
        for (; panelRow < rowTo; panelRow += TILE_ROWS, panelAt += panelSize) {
            int rows = Math.min(TILE_ROWS, rowTo - panelRow);
            for (int r = 0; r < rows; r++) {
                int from = (panelRow + r) * rowStride + stepFrom * stepStride;
                for (int q = 0; q < depth; q++) {
                    panels[panelAt + q * TILE_ROWS + r] = values[from + q * stepStride];
                }
            }
            for (int r = rows; r < TILE_ROWS; r++) {
                for (int q = 0; q < depth; q++) {
                    panels[panelAt + q * TILE_ROWS + r] = 0f;
                }
            }
        }
    }

    /**
     * The first {@code wholePanels} panels of {@link #packLeft} for rows that lie side by side (a transposed
     * operand such as the weight gradient's {@code Xᵀ}, whose steps are the batch's examples): step by step,
     * each step's contiguous values copied {@code TILE_ROWS} at a time into every panel (a copy of constant
     * length, which the compiler turns into one vector move). Reading each step's values once, in order,
     * instead of one panel's rows across all steps and then the next panel's, made C1's 784×32×100 weight
     * gradient 52.5 → 46.6 µs. A partial last panel is left to {@link #packLeft}'s general loop.
     */
    private static void packWholePanelsStepByStep(float[] values, int stepStride, int rowFrom, int wholePanels,
                                                  int stepFrom, int depth, float[] panels) {
        int panelSize = TILE_ROWS * depth;
        for (int q = 0; q < depth; q++) {
            int source = rowFrom + (stepFrom + q) * stepStride;
            for (int t = 0, target = q * TILE_ROWS; t < wholePanels; t++, source += TILE_ROWS, target += panelSize) {
                System.arraycopy(values, source, panels, target, TILE_ROWS);
            }
        }
    }

    /**
     * Packs the right operand: steps {@code [stepFrom, stepFrom + depth)} by columns
     * {@code [columnFrom, columnTo)} of the matrix whose element {@code (q, j)} is
     * {@code values[q·stepStride + j·columnStride]}, into panels of {@link TileGeometry#TILE_COLUMNS}
     * columns. Panel {@code u} starts at {@code u · TILE_COLUMNS · depth}; within it, step {@code q}
     * holds its {@code TILE_COLUMNS} column values side by side.
     */
    static void packRight(float[] values, int stepStride, int columnStride, int stepFrom, int depth,
                          int columnFrom, int columnTo, float[] panels) {
        int panelSize = TILE_COLUMNS * depth;
        for (int panelColumn = columnFrom, panelAt = 0; panelColumn < columnTo;
             panelColumn += TILE_COLUMNS, panelAt += panelSize) {
            int columns = Math.min(TILE_COLUMNS, columnTo - panelColumn);
            if (columnStride == 1) {
                for (int q = 0; q < depth; q++) {
                    int target = panelAt + q * TILE_COLUMNS;
                    System.arraycopy(values, (stepFrom + q) * stepStride + panelColumn, panels, target, columns);
                    if (columns < TILE_COLUMNS) {
                        Arrays.fill(panels, target + columns, target + TILE_COLUMNS, 0f);
                    }
                }
            } else {
                for (int j = 0; j < columns; j++) {
                    int from = (panelColumn + j) * columnStride + stepFrom * stepStride;
                    for (int q = 0; q < depth; q++) {
                        panels[panelAt + q * TILE_COLUMNS + j] = values[from + q * stepStride];
                    }
                }
                for (int q = 0; q < depth && columns < TILE_COLUMNS; q++) {
                    int target = panelAt + q * TILE_COLUMNS;
                    Arrays.fill(panels, target + columns, target + TILE_COLUMNS, 0f);
                }
            }
        }
    }
}
