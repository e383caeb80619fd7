package dev.backprop.core.loss;

/** The huber contract again with δ = 0.25, where most errors fall on the linear piece. */
class HuberSmallDeltaContractTest extends HuberContractTest {

    @Override
    double delta() {
        return 0.25;
    }
}
