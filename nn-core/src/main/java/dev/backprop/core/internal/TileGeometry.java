package dev.backprop.core.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sizes the vector kernels are built around. A register tile is {@link #TILE_ROWS} output rows
 * by {@link #TILE_COLUMNS} output columns (two vectors of the preferred species: 32 floats with
 * AVX-512, 16 with AVX2), held in 16, 12 or 8 vector accumulators. Products are cut into blocks of at most
 * {@link #DEPTH_BLOCK} steps along the summed dimension, {@link #ROW_BLOCK} rows and
 * {@link #COLUMN_BLOCK} columns, so that one packed right-hand panel stays in L1 and one packed
 * left-hand block in L2 while they are reused.
 */
final class TileGeometry {

    /** The widest float vector the CPU runs natively. */
    static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

    /** Floats per vector. */
    static final int LANES = SPECIES.length();

    /**
     * Vector registers the CPU has: 32 with AVX-512 and on AArch64, 16 with AVX2 (and SSE). The register
     * tile's accumulators, its two right-hand vectors and one broadcast must fit, or the compiler spills
     * accumulators to the stack on every step (on AVX2 an 8-row tile ran at a third of the core's speed).
     */
    static final int VECTOR_REGISTERS = LANES >= 16 || "aarch64".equals(System.getProperty("os.arch")) ? 32 : 16;

    /**
     * Output rows of one register tile: 8 (16 accumulators) with 32 vector registers. With 16, 6 rows
     * (12 accumulators, as in BLIS's AVX2 kernel) on JDK 17, 4 rows (8 accumulators) on later JDKs:
     * JDK 25's compiler spills one of the 6-row tile's accumulators to the stack on every step (half
     * the speed, measured on a Zen 3), while on JDK 17 the 6-row tile is about 5% faster end to end.
     */
    static final int TILE_ROWS = VECTOR_REGISTERS >= 32 ? 8 : Runtime.version().feature() <= 17 ? 6 : 4;

    /** Output columns of one register tile: two vectors. */
    static final int TILE_COLUMNS = 2 * LANES;

    /** Steps along the summed dimension packed and multiplied at a time. */
    static final int DEPTH_BLOCK = 128;

    /** Rows of the left operand packed at a time: the multiple of {@link #TILE_ROWS} nearest under 256. */
    static final int ROW_BLOCK = 256 / TILE_ROWS * TILE_ROWS;

    /** Columns of the right operand packed at a time (a multiple of {@link #TILE_COLUMNS}). */
    static final int COLUMN_BLOCK = 1024;

    /**
     * A share of at most this many output rows reads the right operand in place, when its rows are
     * contiguous, instead of packing it: each right value is then used by so few rows that copying it
     * costs more than reading it from L2 with a stride.
     */
    static final int IN_PLACE_ROWS = 64;

    /**
     * A block of at most this many output columns (four register tiles with AVX-512) reads the left
     * operand in place instead of packing it, when its steps are contiguous ({@code X·W}, {@code δ·Wᵀ};
     * 8-row tiles only, see {@link InPlaceTileMultiplier}): each left value is then used by so few column
     * panels that copying it costs more than reading it from a panel saves. C1's forward product
     * {@code 32×784×100} ran at 117 against 71 GFLOP/s on one thread (JMH, AVX-512 host). The transposed
     * {@code Xᵀ} of a weight gradient stays packed: read in place it jumps a whole row per step, and
     * measured slower.
     */
    static final int LEFT_IN_PLACE_COLUMNS = 4 * TILE_COLUMNS;

    /**
     * Batches smaller than this skip packing: each row is multiplied directly (a matrix-vector product),
     * which reads the weights once per row instead of copying them.
     */
    static final int SMALL_BATCH = 4;

    private TileGeometry() {
    }

    /** {@code ⌈total / size⌉}. */
    static int tilesIn(int total, int size) {
        return (total + size - 1) / size;
    }
}
