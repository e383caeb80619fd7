package dev.backprop.core.init;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.init.WeightInitializer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Every weight set to {@value #VALUE} (default 0.0), which must be finite as a float. */
public final class Constant extends ConfiguredPlugin implements WeightInitializer {

    /** This initialiser's id. */
    public static final PluginId ID = PluginId.of("constant");
    /** The setting's name. */
    public static final String VALUE = "value";

    private static final Settings SETTINGS = Settings.of(ID,
            Setting.number(VALUE, 0.0, "the value of every weight").inFloat());

    private final double value = number(VALUE);

    /** Weights of 0.0. */
    public Constant() {
        this(0.0);
    }

    /**
     * Weights of {@code value}.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code value} is finite as a float
     */
    public Constant(double value) {
        this(Hyperparameters.of(VALUE, value));
    }

    private Constant(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Constant withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Constant::new);
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        Arrays.fill(weights, (float) value);
    }
}
