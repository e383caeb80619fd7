package dev.backprop.api.violation;

import dev.backprop.core.network.Network;

/** Fixture, never shipped: an api-package class that reaches up into core. */
public final class ApiThatKnowsTheNetwork {

    private final Network network;

    public ApiThatKnowsTheNetwork(Network network) {
        this.network = network;
    }

    public Network network() {
        return network;
    }
}
