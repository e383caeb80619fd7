package dev.backprop.core.init;

import dev.backprop.api.PluginId;
import dev.backprop.api.init.WeightInitializer;
import java.util.random.RandomGenerator;

/** LeCun uniform: U(−√(3/in), +√(3/in)). */
public final class LecunUniform implements WeightInitializer {

    /** This initialiser's id. */
    public static final PluginId ID = PluginId.of("lecun_uniform");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        ScaledRandom.uniform(weights, Math.sqrt(3.0 / fanIn), random);
    }
}
