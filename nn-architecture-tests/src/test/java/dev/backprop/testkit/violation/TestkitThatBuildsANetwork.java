package dev.backprop.testkit.violation;

import dev.backprop.core.network.Network;

/** Fixture, never shipped: a testkit class that checks plugins through core instead of nn-api. */
public final class TestkitThatBuildsANetwork {

    public Object network() {
        return Network.builder().input(1).dense(1, "relu").build();
    }
}
