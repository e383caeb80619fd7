package dev.backprop.core.loss;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;

/** The plugin kit's loss contract (gradient against central differences included) for mse summed over outputs. */
class MeanSquaredErrorSumOverOutputsContractTest extends LossContract {

    @Override
    protected Loss instance() {
        return new MeanSquaredError().withHyperparameters(
                Hyperparameters.of(MeanSquaredError.REDUCTION, MeanSquaredError.SUM_OVER_OUTPUTS));
    }
}
