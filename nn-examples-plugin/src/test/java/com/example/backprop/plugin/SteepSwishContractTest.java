package com.example.backprop.plugin;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.activation.Activation;
import dev.backprop.testkit.ActivationContract;

/** The contract again with a non-default {@code beta}, so the setting's path is checked too. */
class SteepSwishContractTest extends ActivationContract {

    @Override
    protected Activation instance() {
        return new Swish().withHyperparameters(Hyperparameters.of("beta", 2.0));
    }
}
