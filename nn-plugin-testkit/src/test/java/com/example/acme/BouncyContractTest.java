package com.example.acme;

import dev.backprop.api.activation.Activation;
import dev.backprop.testkit.ActivationContract;

/** The kit on a plugin with a number, a switch and a text choice: each is changed alone and read back. */
class BouncyContractTest extends ActivationContract {

    @Override
    protected Activation instance() {
        return new Bouncy();
    }

    @Override
    protected double[] kinks() {
        return new double[] {0};
    }
}
