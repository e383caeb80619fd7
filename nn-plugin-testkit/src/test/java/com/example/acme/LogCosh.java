package com.example.acme;

import dev.backprop.api.PluginId;
import dev.backprop.api.loss.ElementwiseLoss;

/** A third-party loss: log(cosh(p − y)), averaged over every element. */
public final class LogCosh implements ElementwiseLoss {

    @Override
    public PluginId id() {
        return PluginId.of("acme.log_cosh");
    }

    @Override
    public double value(double predicted, double target) {
        return Math.log(Math.cosh(predicted - target));
    }

    @Override
    public double derivative(double predicted, double target) {
        return Math.tanh(predicted - target);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogCosh;
    }

    @Override
    public int hashCode() {
        return LogCosh.class.hashCode();
    }
}
