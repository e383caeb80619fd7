package dev.backprop.spark;

import dev.backprop.core.network.Gradients;
import java.io.Serializable;

/**
 * The sum of gradients over some rows of one global batch (each partition's {@code gradients · rows}),
 * with the number of rows and the sum of their losses; partial sums combine with {@link #add}. The
 * zero value ({@link #empty()}) has no tensors yet, so it costs nothing to ship.
 */
final class StepSum implements Serializable {

    private static final long serialVersionUID = 1L;

    private Gradients sum;
    private long rows;
    private double lossSum;

    private StepSum(Gradients sum, long rows, double lossSum) {
        this.sum = sum;
        this.rows = rows;
        this.lossSum = lossSum;
    }

    static StepSum empty() {
        return new StepSum(null, 0, 0);
    }

    /** A partition's share: {@code sum} is already the gradient sum over {@code rows} rows (owned by this object). */
    static StepSum of(Gradients sum, long rows, double lossSum) {
        return new StepSum(sum, rows, lossSum);
    }

    /** Adds {@code other} into this sum (Spark lets aggregators modify and return their first argument). */
    StepSum add(StepSum other) {
        if (other.sum != null) {
            sum = sum == null ? other.sum : sum.add(other.sum);
        }
        rows += other.rows;
        lossSum += other.lossSum;
        return this;
    }

    /** The summed gradients, or null when no row contributed. */
    Gradients sum() {
        return sum;
    }

    long rows() {
        return rows;
    }

    double lossSum() {
        return lossSum;
    }
}
