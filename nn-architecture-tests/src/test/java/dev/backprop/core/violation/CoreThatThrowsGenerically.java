package dev.backprop.core.violation;

/** Fixture, never shipped: an error a caller cannot catch precisely and a user cannot act on. */
public final class CoreThatThrowsGenerically {

    public void check(int width) {
        if (width <= 0) {
            throw new RuntimeException("bad width");
        }
    }
}
