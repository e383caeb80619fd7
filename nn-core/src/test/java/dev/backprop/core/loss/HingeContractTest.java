package dev.backprop.core.loss;

import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;
import java.util.Random;

/**
 * The plugin kit's loss contract for hinge: raw scores in [-2, 2] with 0/1 targets (0 read as −1),
 * so margins are both met and violated, keeping 0.05 away from the kink at y·p = 1 (|p| = 1).
 */
class HingeContractTest extends LossContract {

    @Override
    protected Loss instance() {
        return new Hinge();
    }

    @Override
    protected float[] predictions(Random random, int batchSize, int width) {
        float[] p = new float[batchSize * width];
        for (int i = 0; i < p.length; i++) {
            do {
                p[i] = random.nextFloat() * 4 - 2;
            } while (Math.abs(Math.abs(p[i]) - 1) < 0.05);
        }
        return p;
    }
}
