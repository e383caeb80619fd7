package dev.backprop.core.loss;

import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;
import java.util.Random;

/** The plugin kit's loss contract for binary_cross_entropy_from_logits: logits of either sign in [-4, 4], 0/1 targets. */
class BinaryCrossEntropyFromLogitsContractTest extends LossContract {

    @Override
    protected Loss instance() {
        return new BinaryCrossEntropyFromLogits();
    }

    @Override
    protected float[] predictions(Random random, int batchSize, int width) {
        float[] p = new float[batchSize * width];
        for (int i = 0; i < p.length; i++) {
            p[i] = random.nextFloat() * 8 - 4;
        }
        return p;
    }
}
