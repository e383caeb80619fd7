package dev.backprop.core.loss;

import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;
import java.util.Random;

/**
 * The plugin kit's loss contract for huber: zero targets and errors in [-3, 3], so both the
 * quadratic and the linear piece are reached, keeping 0.05 away from the kink at |e| = δ.
 */
class HuberContractTest extends LossContract {

    /** The δ under test. */
    double delta() {
        return 1.0;
    }

    @Override
    protected Loss instance() {
        return new Huber(delta());
    }

    @Override
    protected float[] predictions(Random random, int batchSize, int width) {
        float[] p = new float[batchSize * width];
        for (int i = 0; i < p.length; i++) {
            do {
                p[i] = random.nextFloat() * 6 - 3;
            } while (Math.abs(Math.abs(p[i]) - delta()) < 0.05);
        }
        return p;
    }

    @Override
    protected float[] targets(Random random, int batchSize, int width) {
        return new float[batchSize * width];
    }
}
