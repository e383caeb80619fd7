package dev.backprop.core.init;

import dev.backprop.api.init.WeightInitializer;
import dev.backprop.testkit.InitializerContract;

/** The plugin test kit's initialiser contract for {@code LecunUniform}. */
class LecunUniformContractTest extends InitializerContract {

    @Override
    protected WeightInitializer instance() {
        return new LecunUniform();
    }

    @Override
    protected double expectedVariance(int fanIn, int fanOut) {
        return 1.0 / fanIn;
    }
}
