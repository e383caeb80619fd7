package com.example.acme;

import dev.backprop.api.loss.Loss;
import dev.backprop.testkit.LossContract;

/** The kit run as a third party runs it, on a namespaced plugin outside dev.backprop. */
class LogCoshContractTest extends LossContract {

    @Override
    protected Loss instance() {
        return new LogCosh();
    }
}
