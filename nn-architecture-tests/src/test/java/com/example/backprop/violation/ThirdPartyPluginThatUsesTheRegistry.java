package com.example.backprop.violation;

import dev.backprop.core.plugin.PluginRegistry;

/** Fixture, never shipped: a third-party plugin class that reaches into core. */
public final class ThirdPartyPluginThatUsesTheRegistry {

    public Object sigmoid() {
        return PluginRegistry.discovered().activation("sigmoid");
    }
}
