package com.example.acme;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.activation.ScalarActivation;

/**
 * A third-party activation with one setting of each kind, declared once: a slope (number), whether to
 * mirror negative inputs (switch) and a shape (text choice).
 */
public final class Bouncy extends ConfiguredPlugin implements ScalarActivation {

    static final Settings SETTINGS = Settings.of(PluginId.of("acme.bouncy"),
            Setting.number("slope", 0.5, "slope for negative inputs").atLeast(0).below(1).inFloat(),
            Setting.flag("mirror", false, "use |x| for negative inputs"),
            Setting.choice("shape", "linear", "linear or cubic positive part", "linear", "cubic"));

    private final double slope = number("slope");
    private final boolean mirror = flag("mirror");
    private final boolean cubic = text("shape").equals("cubic");

    public Bouncy() {
        this(Hyperparameters.none());
    }

    Bouncy(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Bouncy withHyperparameters(Hyperparameters requested) {
        return SETTINGS.apply(this, requested, Bouncy::new);
    }

    @Override
    public double value(double x) {
        if (x > 0) {
            return cubic ? x + x * x * x / 10 : x;
        }
        return slope * (mirror ? -x : x);
    }

    @Override
    public double derivative(double x, double y) {
        if (x > 0) {
            return cubic ? 1 + 3 * x * x / 10 : 1;
        }
        return mirror ? -slope : slope;
    }
}
