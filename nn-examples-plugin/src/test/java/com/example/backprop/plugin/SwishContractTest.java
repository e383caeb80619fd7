package com.example.backprop.plugin;

import dev.backprop.api.activation.Activation;
import dev.backprop.testkit.ActivationContract;

/** The plugin test kit's whole activation contract, as every built-in passes it. */
class SwishContractTest extends ActivationContract {

    @Override
    protected Activation instance() {
        return new Swish();
    }
}
