package dev.backprop.core.init;

import dev.backprop.api.init.WeightInitializer;
import dev.backprop.testkit.InitializerContract;

/** The plugin test kit's initialiser contract for {@code Constant}. */
class ConstantContractTest extends InitializerContract {

    @Override
    protected WeightInitializer instance() {
        return new Constant(0.05);
    }
}
