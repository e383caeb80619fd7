package dev.backprop.core.init;

import dev.backprop.api.init.WeightInitializer;
import dev.backprop.testkit.InitializerContract;

/** The plugin test kit's initialiser contract for {@code LecunNormal}. */
class LecunNormalContractTest extends InitializerContract {

    @Override
    protected WeightInitializer instance() {
        return new LecunNormal();
    }

    @Override
    protected double expectedVariance(int fanIn, int fanOut) {
        return 1.0 / fanIn;
    }
}
