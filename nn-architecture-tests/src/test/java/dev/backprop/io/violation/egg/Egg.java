package dev.backprop.io.violation.egg;

import dev.backprop.io.violation.chicken.Chicken;

/** Fixture, never shipped: the other half of a package cycle (see {@link Chicken}). */
public final class Egg {

    public Chicken hatch() {
        return new Chicken();
    }
}
