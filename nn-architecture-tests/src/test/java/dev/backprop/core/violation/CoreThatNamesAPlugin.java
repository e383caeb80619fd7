package dev.backprop.core.violation;

import dev.backprop.activations.Relu;
import dev.backprop.api.activation.Activation;

/** Fixture, never shipped: core code that instantiates a built-in plugin instead of looking it up. */
public final class CoreThatNamesAPlugin {

    public Activation defaultActivation() {
        return new Relu();
    }
}
