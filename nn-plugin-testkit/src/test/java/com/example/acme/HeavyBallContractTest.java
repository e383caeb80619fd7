package com.example.acme;

import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.testkit.OptimizerContract;

/** The kit run as a third party runs it, on a namespaced plugin outside dev.backprop. */
class HeavyBallContractTest extends OptimizerContract {

    @Override
    protected Optimizer instance() {
        return new HeavyBall();
    }
}
