package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.TILE_COLUMNS;
import static dev.backprop.core.internal.TileGeometry.TILE_ROWS;
import static dev.backprop.core.internal.TileGeometry.tilesIn;

/**
 * How the output of a product is cut into the shares of {@code parts} threads: into runs of whole tiles,
 * so that the tiles themselves do not depend on the number of parts.
 */
final class TileSplit {

    private TileSplit() {
    }

    /**
     * Whether a {@code rows × columns} output of {@code C = L·R} is best split by columns. Splitting by
     * columns makes every part pack all of {@code L} ({@code rows × depth}) and its share of {@code R};
     * splitting by rows, all of {@code R} ({@code depth × columns}) and its share of {@code L}. The split
     * chosen is the one whose duplicated packing is cheaper, weighing each operand by its cost to pack per
     * element ({@code leftPackCost}, {@code rightPackCost}: an operand read across its rows costs several
     * times one copied along them), provided there is a tile for every part.
     */
    static boolean byColumns(int rows, int columns, int parts, int leftPackCost, int rightPackCost) {
        boolean enoughColumnTiles = tilesIn(columns, TILE_COLUMNS) >= parts;
        boolean enoughRowTiles = tilesIn(rows, TILE_ROWS) >= parts;
        boolean columnsCheaper = (long) leftPackCost * rows <= (long) rightPackCost * columns;
        return enoughColumnTiles && (columnsCheaper || !enoughRowTiles);
    }

    /**
     * Where share {@code part} of {@code total} items begins when they are grouped in tiles of
     * {@code tile} and the tiles shared out near-evenly; {@code boundary(total, tile, parts, parts)} is
     * {@code total}.
     */
    static int boundary(int total, int tile, int part, int parts) {
        return Math.min(total, MatrixKernels.shareStart(tilesIn(total, tile), part, parts) * tile);
    }
}
