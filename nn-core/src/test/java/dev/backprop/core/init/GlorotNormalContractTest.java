package dev.backprop.core.init;

import dev.backprop.api.init.WeightInitializer;
import dev.backprop.testkit.InitializerContract;

/** The plugin test kit's initialiser contract for {@code GlorotNormal}. */
class GlorotNormalContractTest extends InitializerContract {

    @Override
    protected WeightInitializer instance() {
        return new GlorotNormal();
    }

    @Override
    protected double expectedVariance(int fanIn, int fanOut) {
        return 2.0 / (fanIn + fanOut);
    }
}
