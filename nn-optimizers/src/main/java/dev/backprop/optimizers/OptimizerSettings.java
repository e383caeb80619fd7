package dev.backprop.optimizers;

import dev.backprop.api.Setting;
import dev.backprop.api.optimizer.Optimizer;

/**
 * The settings several optimizers share, and the three kinds of range an optimizer setting has. The
 * updates run in {@code float}, so every range keeps the value usable there: a step size or
 * stabilising constant lies in {@code [Float.MIN_VALUE, Float.MAX_VALUE]} ({@code [1.4E-45, 3.4028235E38]},
 * finite and {@code > 0} as a float), a decay rate in {@code [0, 1)} also after the cast to float
 * (at most 0.99999994), and a non-negative amount in {@code [0, Float.MAX_VALUE]}.
 */
final class OptimizerSettings {

    /** The name of ε, the constant that keeps a denominator away from zero. */
    static final String EPSILON = "epsilon";

    private OptimizerSettings() {
    }

    /** {@value Optimizer#LEARNING_RATE} η, the step size. */
    static Setting learningRate(double defaultValue) {
        return positive(Optimizer.LEARNING_RATE, defaultValue, "step size η");
    }

    /** ε, the constant that keeps the denominator away from zero. */
    static Setting epsilon(double defaultValue) {
        return positive(EPSILON, defaultValue, "ε, keeps the denominator away from zero");
    }

    /** A step size or stabilising constant: {@code [Float.MIN_VALUE, Float.MAX_VALUE]}. */
    static Setting positive(String name, double defaultValue, String help) {
        return Setting.number(name, defaultValue, help).atLeast(Float.MIN_VALUE).atMost(Float.MAX_VALUE);
    }

    /** A decay rate such as a momentum or a β: {@code [0, 1)}, also after the cast to float. */
    static Setting decayRate(String name, double defaultValue, String help) {
        return Setting.number(name, defaultValue, help).atLeast(0).below(1).inFloat();
    }

    /** A non-negative amount such as a weight decay: {@code [0, Float.MAX_VALUE]}. */
    static Setting nonNegative(String name, double defaultValue, String help) {
        return Setting.number(name, defaultValue, help).atLeast(0).atMost(Float.MAX_VALUE);
    }
}
