package dev.backprop.core.internal;

import static dev.backprop.core.internal.TileGeometry.LANES;
import static dev.backprop.core.internal.TileGeometry.TILE_COLUMNS;

/**
 * One thread's scratch space for the vector kernels: the packed left and right panels, the state of a
 * tile sweep, room for one vector's lanes and a list of non-zero inputs. Arrays grow to the largest
 * block seen and are then reused, so the kernels allocate nothing in steady state.
 */
final class KernelWorkspace {

    private static final ThreadLocal<KernelWorkspace> PER_THREAD = ThreadLocal.withInitial(KernelWorkspace::new);

    private float[] leftPanels = new float[0];
    private float[] rightPanels = new float[0];
    private final BlockedProduct.Sweep sweep = new BlockedProduct.Sweep();
    private final float[] lanes = new float[LANES];
    private final float[] zeroRow = new float[TILE_COLUMNS];
    private final NonZeroSteps nonZeroSteps = new NonZeroSteps();

    private KernelWorkspace() {
    }

    /** The calling thread's workspace. */
    static KernelWorkspace current() {
        return PER_THREAD.get();
    }

    /** Room for at least {@code size} floats of packed left panels (contents unspecified). */
    float[] leftPanels(int size) {
        if (leftPanels.length < size) {
            leftPanels = new float[size];
        }
        return leftPanels;
    }

    /** Room for at least {@code size} floats of packed right panels (contents unspecified). */
    float[] rightPanels(int size) {
        if (rightPanels.length < size) {
            rightPanels = new float[size];
        }
        return rightPanels;
    }

    /** The tile sweep of {@link BlockedProduct}, with its row table and spare edge tile. */
    BlockedProduct.Sweep sweep() {
        return sweep;
    }

    /** A reusable list of the non-zero entries of a vector. */
    NonZeroSteps nonZeroSteps() {
        return nonZeroSteps;
    }

    /** A register tile's width of zeros, never written: the start of sums that start from zero. */
    float[] zeroRow() {
        return zeroRow;
    }

    /** One vector's worth of floats. */
    float[] lanes() {
        return lanes;
    }
}
