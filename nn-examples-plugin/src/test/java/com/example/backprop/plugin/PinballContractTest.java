package com.example.backprop.plugin;

import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;

/**
 * The plugin test kit's loss contract: the gradient against central differences of {@code evaluate}, a
 * finite value, the whole gradient written and never accumulated, inputs untouched, the settings.
 */
class PinballContractTest extends LossContract {

    @Override
    protected Loss instance() {
        return new Pinball();
    }
}
