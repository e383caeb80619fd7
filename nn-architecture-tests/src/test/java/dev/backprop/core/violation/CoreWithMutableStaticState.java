package dev.backprop.core.violation;

/** Fixture, never shipped: global mutable state. */
public final class CoreWithMutableStaticState {

    private static int calls;

    public static int call() {
        return ++calls;
    }

    private CoreWithMutableStaticState() {
    }
}
