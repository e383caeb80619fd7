package dev.backprop.examples.sine;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import java.util.SplittableRandom;

/**
 * Points of y = sin(x) with x drawn uniformly from [−π, π]: one feature (x) and one target (sin x)
 * per example. The training and held-out sets come from separate streams of one seed, so they never
 * share a draw and each is reproducible.
 */
final class SineData {

    /** The interval's half-width: x ∈ [−π, π]. */
    static final double RANGE = Math.PI;

    private SineData() {
    }

    /** {@code count} training points from {@code seed}. */
    static Dataset training(int count, long seed) {
        return sample(count, new SplittableRandom(seed).split());
    }

    /** {@code count} held-out points from {@code seed}, drawn apart from {@link #training}'s. */
    static Dataset heldOut(int count, long seed) {
        SplittableRandom root = new SplittableRandom(seed);
        root.split(); // the training stream
        return sample(count, root.split());
    }

    private static Dataset sample(int count, SplittableRandom random) {
        if (count < 1) {
            throw new InvalidConfigurationException("The sine example needs at least 1 point, but " + count
                    + " were asked for: give --samples 1 or more.");
        }
        float[] x = new float[count];
        float[] y = new float[count];
        for (int i = 0; i < count; i++) {
            double value = random.nextDouble(-RANGE, RANGE);
            x[i] = (float) value;
            y[i] = (float) Math.sin(value);
        }
        return Dataset.adopt(x, 1, y, 1);
    }
}
