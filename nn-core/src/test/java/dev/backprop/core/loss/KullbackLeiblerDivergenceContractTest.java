package dev.backprop.core.loss;

import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;
import java.util.Random;

/** The plugin kit's loss contract for kl_divergence: probabilities in [0.1, 0.9] and random target distributions. */
class KullbackLeiblerDivergenceContractTest extends LossContract {

    @Override
    protected Loss instance() {
        return new KullbackLeiblerDivergence();
    }

    @Override
    protected float[] targets(Random random, int batchSize, int width) {
        float[] y = new float[batchSize * width];
        for (int b = 0; b < batchSize; b++) {
            double sum = 0;
            for (int k = 0; k < width; k++) {
                y[b * width + k] = 0.05f + random.nextFloat();
                sum += y[b * width + k];
            }
            for (int k = 0; k < width; k++) {
                y[b * width + k] = (float) (y[b * width + k] / sum);
            }
        }
        return y;
    }
}
