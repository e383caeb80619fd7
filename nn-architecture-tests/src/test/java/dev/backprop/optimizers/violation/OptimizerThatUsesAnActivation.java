package dev.backprop.optimizers.violation;

import dev.backprop.activations.Relu;

/** Fixture, never shipped: one plugin module depending on another instead of on the api alone. */
public final class OptimizerThatUsesAnActivation {

    public double clip(double gradient) {
        return new Relu().value(gradient);
    }
}
