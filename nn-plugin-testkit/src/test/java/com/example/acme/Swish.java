package com.example.acme;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/** A third-party activation as the README shows it: only id, value and derivative. */
public final class Swish implements ScalarActivation {

    @Override
    public PluginId id() {
        return PluginId.of("acme.swish");
    }

    @Override
    public double value(double x) {
        return x / (1 + Math.exp(-x));
    }

    @Override
    public double derivative(double x, double y) {
        double s = 1 / (1 + Math.exp(-x));
        return s + y * (1 - s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Swish;
    }

    @Override
    public int hashCode() {
        return Swish.class.hashCode();
    }
}
