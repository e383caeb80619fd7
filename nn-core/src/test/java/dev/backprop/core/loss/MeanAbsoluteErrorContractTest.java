package dev.backprop.core.loss;

import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;

/** The plugin kit's loss contract on its default inputs: predictions in [0.1, 0.9], one-hot targets (mae's kink at p = y stays 0.1 away). */
class MeanAbsoluteErrorContractTest extends LossContract {

    @Override
    protected Loss instance() {
        return new MeanAbsoluteError();
    }
}
