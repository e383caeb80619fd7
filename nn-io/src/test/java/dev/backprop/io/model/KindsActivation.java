package dev.backprop.io.model;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import java.util.Set;

/**
 * A test activation, id {@code test.kinds}, with one setting of every kind: {@code gain} (a number,
 * default 1), {@code clip} (a switch, default false: clip outputs to [-1, 1]) and {@code mode} (text,
 * {@code linear} or {@code square}, default linear).
 */
public final class KindsActivation implements ScalarActivation {

    /** The id. */
    public static final PluginId ID = PluginId.of("test.kinds");

    private final double gain;
    private final boolean clip;
    private final String mode;

    /** The defaults. */
    public KindsActivation() {
        this(1.0, false, "linear");
    }

    private KindsActivation(double gain, boolean clip, String mode) {
        this.gain = gain;
        this.clip = clip;
        this.mode = mode;
    }

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public Hyperparameters hyperparameters() {
        return Hyperparameters.of("gain", gain).with("clip", clip).with("mode", mode);
    }

    @Override
    public Activation withHyperparameters(Hyperparameters requested) {
        requested.requireKnownNames(ID, Set.of("gain", "clip", "mode"));
        String newMode = requested.text("mode", mode);
        if (!newMode.equals("linear") && !newMode.equals("square")) {
            throw new InvalidHyperparameterException("Hyperparameter 'mode' must be linear or square but was '"
                    + newMode + "'.");
        }
        return new KindsActivation(requested.get("gain", gain), requested.flag("clip", clip), newMode);
    }

    @Override
    public double value(double x) {
        double y = gain * ("square".equals(mode) ? x * x : x);
        return clip ? Math.max(-1, Math.min(1, y)) : y;
    }

    @Override
    public double derivative(double x, double y) {
        if (clip && Math.abs(y) >= 1) {
            return 0;
        }
        return gain * ("square".equals(mode) ? 2 * x : 1);
    }
}
