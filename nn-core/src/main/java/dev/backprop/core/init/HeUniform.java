package dev.backprop.core.init;

import dev.backprop.api.PluginId;
import dev.backprop.api.init.WeightInitializer;
import java.util.random.RandomGenerator;

/** He/Kaiming uniform (He et al. 2015): U(−√(6/in), +√(6/in)); suits the ReLU family. */
public final class HeUniform implements WeightInitializer {

    /** This initialiser's id. */
    public static final PluginId ID = PluginId.of("he_uniform");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        ScaledRandom.uniform(weights, Math.sqrt(6.0 / fanIn), random);
    }
}
