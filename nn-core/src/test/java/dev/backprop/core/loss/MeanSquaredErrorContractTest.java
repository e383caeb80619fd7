package dev.backprop.core.loss;

import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;

/** The plugin kit's loss contract, on the kit's default inputs: probabilities in [0.1, 0.9] and one-hot targets. */
class MeanSquaredErrorContractTest extends LossContract {

    @Override
    protected Loss instance() {
        return new MeanSquaredError();
    }
}
