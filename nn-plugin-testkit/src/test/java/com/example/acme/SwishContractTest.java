package com.example.acme;

import dev.backprop.api.activation.Activation;
import dev.backprop.testkit.ActivationContract;

/** The kit run as a third party runs it, on a namespaced plugin outside dev.backprop. */
class SwishContractTest extends ActivationContract {

    @Override
    protected Activation instance() {
        return new Swish();
    }
}
