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
     * Whether a {@code rows × columns} output of {@code C = L·R} is split by columns. Splitting by
     * columns makes each part pack only its columns of {@code R} and all of {@code L}; by rows, its rows
     * of {@code L} and all of {@code R}. As both share the summed dimension, the wider side is the one
     * to split, provided it has a tile for every part.
     */
    static boolean byColumns(int rows, int columns, int parts) {
        return tilesIn(columns, TILE_COLUMNS) >= parts && (rows <= columns || tilesIn(rows, TILE_ROWS) < parts);
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
