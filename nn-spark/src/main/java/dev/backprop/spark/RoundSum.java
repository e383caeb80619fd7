package dev.backprop.spark;

import dev.backprop.core.network.Gradients;
import java.io.Serializable;

/**
 * The row-weighted sum, over partitions, of the weights and optimizer-state slots each partition ended
 * a round of local steps with ({@code syncEvery > 1}), with the rows trained on and their loss sum;
 * dividing by the rows gives the averaged weights and states.
 */
final class RoundSum implements Serializable {

    private static final long serialVersionUID = 1L;

    private Gradients weights;
    private Gradients[] slots;
    private long rows;
    private double lossSum;

    private RoundSum(Gradients weights, Gradients[] slots, long rows, double lossSum) {
        this.weights = weights;
        this.slots = slots;
        this.rows = rows;
        this.lossSum = lossSum;
    }

    static RoundSum empty() {
        return new RoundSum(null, null, 0, 0);
    }

    /** A partition's part: weights and slots already multiplied by {@code rows} (owned by this object). */
    static RoundSum of(Gradients weightedWeights, Gradients[] weightedSlots, long rows, double lossSum) {
        return new RoundSum(weightedWeights, weightedSlots, rows, lossSum);
    }

    RoundSum add(RoundSum other) {
        if (other.weights != null) {
            if (weights == null) {
                weights = other.weights;
                slots = other.slots;
            } else {
                weights.add(other.weights);
                for (int k = 0; k < slots.length; k++) {
                    slots[k].add(other.slots[k]);
                }
            }
        }
        rows += other.rows;
        lossSum += other.lossSum;
        return this;
    }

    /** The weighted sum of weights, or null when no partition trained. */
    Gradients weights() {
        return weights;
    }

    Gradients[] slots() {
        return slots;
    }

    long rows() {
        return rows;
    }

    double lossSum() {
        return lossSum;
    }
}
