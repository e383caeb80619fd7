package dev.backprop.core.init;

import dev.backprop.api.init.WeightInitializer;
import dev.backprop.testkit.InitializerContract;

/** The plugin test kit's initialiser contract for {@code HeNormal}. */
class HeNormalContractTest extends InitializerContract {

    @Override
    protected WeightInitializer instance() {
        return new HeNormal();
    }

    @Override
    protected double expectedVariance(int fanIn, int fanOut) {
        return 2.0 / fanIn;
    }
}
