package dev.backprop.api.optimizer;

import dev.backprop.api.InvalidConfigurationException;

/**
 * The mutable state an optimizer keeps for one parameter tensor: {@code slots} arrays shaped like
 * the parameter (slot meanings are documented by each optimizer, for example Adam's slot 0 is the
 * first moment) and a 1-based step counter.
 *
 * <p>Owned by core, which creates one per parameter tensor, advances the step before each update and
 * saves it with checkpoints, so plugins never serialise anything. Not thread-safe: one parameter is
 * updated by one thread at a time.
 */
public final class OptimizerState {

    /** About what one array costs besides its values, for the memory check. */
    private static final int ARRAY_HEADER_BYTES = 16;

    private final float[][] slots;
    private long step;

    /**
     * Zeroed state.
     *
     * @param slotCount     how many arrays the optimizer needs ({@link Optimizer#stateSlots()})
     * @param parameterSize the number of values in the parameter tensor
     * @throws IllegalArgumentException      if a size is negative
     * @throws InvalidConfigurationException if the slots would need more memory than the JVM may use (a
     *                                       damaged checkpoint or a broken optimizer), checked before allocating
     */
    public OptimizerState(int slotCount, int parameterSize) {
        if (slotCount < 0 || parameterSize < 0) {
            throw new IllegalArgumentException("OptimizerState needs non-negative sizes, found slots=" + slotCount
                    + " size=" + parameterSize);
        }
        long bytes = slotCount * ((long) parameterSize * Float.BYTES + ARRAY_HEADER_BYTES);
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new InvalidConfigurationException("An optimizer state of " + slotCount + " slots of " + parameterSize
                    + " values needs about " + bytes / (1024 * 1024) + " MB but the JVM may use " + heap / (1024 * 1024)
                    + " MB: check the optimizer's stateSlots() or the checkpoint it came from, or use a larger heap"
                    + " (-Xmx).");
        }
        this.slots = new float[slotCount][parameterSize];
    }

    /** Slot {@code k}, shaped like the parameter; the optimizer reads and writes it in place. */
    public float[] slot(int k) {
        return slots[k];
    }

    /** How many slots there are. */
    public int slotCount() {
        return slots.length;
    }

    /** The number of updates made so far, including the current one (1 during the first update). */
    public long step() {
        return step;
    }

    /** Advances the step counter; core calls this once before each update. */
    public void advance() {
        step++;
    }

    /** Restores a saved step counter (used when resuming from a checkpoint). */
    public void restoreStep(long savedStep) {
        if (savedStep < 0) {
            throw new IllegalArgumentException("A saved optimizer step must be >= 0, found " + savedStep);
        }
        this.step = savedStep;
    }
}
