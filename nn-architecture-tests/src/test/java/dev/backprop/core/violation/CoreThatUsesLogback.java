package dev.backprop.core.violation;

import ch.qos.logback.classic.Level;

/** Fixture, never shipped: library code tied to one logging backend. */
public final class CoreThatUsesLogback {

    public Level quiet() {
        return Level.WARN;
    }
}
