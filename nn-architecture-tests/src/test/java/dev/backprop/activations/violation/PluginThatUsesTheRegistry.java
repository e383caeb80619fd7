package dev.backprop.activations.violation;

import dev.backprop.core.plugin.PluginRegistry;

/** Fixture, never shipped: a plugin-package class that depends on core instead of the api alone. */
public final class PluginThatUsesTheRegistry {

    public Object relu() {
        return PluginRegistry.discovered().activation("relu");
    }
}
