package com.example.backprop.plugin;

import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.testkit.OptimizerContract;

/**
 * The plugin test kit's optimizer contract: a learning rate, a zero gradient moving nothing, descent on a
 * quadratic bowl, two ranges equal to one whole update (parameters and momentum), ranges respected,
 * immutable settings.
 */
class LionContractTest extends OptimizerContract {

    @Override
    protected Optimizer instance() {
        return new Lion();
    }
}
