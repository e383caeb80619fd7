package dev.backprop.io.violation.chicken;

import dev.backprop.io.violation.egg.Egg;

/** Fixture, never shipped: one half of a package cycle (see {@link Egg}). */
public final class Chicken {

    public Egg lay() {
        return new Egg();
    }
}
