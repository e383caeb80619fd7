package dev.backprop.core.violation;

import jakarta.inject.Inject;

/** Fixture, never shipped: a domain class outside core.inject that carries a Guice annotation. */
public final class CoreThatInjects {

    private final String name;

    @Inject
    public CoreThatInjects(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
