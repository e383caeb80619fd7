package dev.backprop.core.init;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.init.WeightInitializer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Every weight set to {@code value} (default 0.0). */
public final class Constant implements WeightInitializer {

    /** This initialiser's id. */
    public static final PluginId ID = PluginId.of("constant");
    /** The setting's name. */
    public static final String VALUE = "value";

    private final double value;

    /** Weights of 0.0. */
    public Constant() {
        this(0.0);
    }

    /** Weights of {@code value}, which must be finite as a float. */
    public Constant(double value) {
        if (!Float.isFinite((float) value)) {
            throw new InvalidHyperparameterException("Hyperparameter '" + VALUE + "' of initialiser '" + ID
                    + "' must be a finite float but was " + value + ": use a value such as 0.01.");
        }
        this.value = value;
    }

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public Hyperparameters hyperparameters() {
        return Hyperparameters.of(VALUE, value);
    }

    @Override
    public Constant withHyperparameters(Hyperparameters hyperparameters) {
        hyperparameters.requireKnownNames(ID, hyperparameters().names());
        double requested = hyperparameters.get(VALUE, value);
        return requested == value ? this : new Constant(requested);
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        Arrays.fill(weights, (float) value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Constant other && Double.compare(value, other.value) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(value);
    }

    @Override
    public String toString() {
        return ID + hyperparameters().toString();
    }
}
