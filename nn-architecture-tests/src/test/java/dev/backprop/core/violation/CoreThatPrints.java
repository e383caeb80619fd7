package dev.backprop.core.violation;

/** Fixture, never shipped: library code that prints instead of logging. */
public final class CoreThatPrints {

    public void report(double loss) {
        System.out.println("loss " + loss);
    }
}
