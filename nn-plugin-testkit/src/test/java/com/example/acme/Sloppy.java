package com.example.acme;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.activation.ScalarActivation;

/** Declares a slope in [0, 1) but applies any number it is given: the kit must catch it. */
public final class Sloppy implements ScalarActivation {

    private static final PluginId ID = PluginId.of("acme.sloppy");
    private final double slope;

    public Sloppy() {
        this(0.5);
    }

    private Sloppy(double slope) {
        this.slope = slope;
    }

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public Hyperparameters hyperparameters() {
        return Hyperparameters.of("slope", slope);
    }

    @Override
    public Settings settings() {
        return Settings.of(ID, Setting.number("slope", 0.5, "slope for negative inputs").atLeast(0).below(1));
    }

    @Override
    public Sloppy withHyperparameters(Hyperparameters requested) {
        requested.requireKnownNames(ID, hyperparameters().names());
        return new Sloppy(hyperparameters().withAll(requested).get("slope", slope));
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : slope * x;
    }

    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1 : slope;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sloppy other && other.slope == slope;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(slope);
    }
}
