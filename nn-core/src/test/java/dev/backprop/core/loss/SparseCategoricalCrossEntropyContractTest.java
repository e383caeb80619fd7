package dev.backprop.core.loss;

import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;
import java.util.Random;

/** The test kit's loss contract with integer class labels as targets (one value per example). */
class SparseCategoricalCrossEntropyContractTest extends LossContract {

    @Override
    protected Loss instance() {
        return new SparseCategoricalCrossEntropy();
    }

    @Override
    protected float[] targets(Random random, int batchSize, int width) {
        float[] labels = new float[batchSize];
        for (int b = 0; b < batchSize; b++) {
            labels[b] = random.nextInt(width);
        }
        return labels;
    }
}
