package dev.backprop.core.init;

import dev.backprop.api.PluginId;
import dev.backprop.api.init.WeightInitializer;
import java.util.random.RandomGenerator;

/** LeCun normal (LeCun et al. 1998): N(0, σ² = 1/in); SELU's default. */
public final class LecunNormal implements WeightInitializer {

    /** This initialiser's id. */
    public static final PluginId ID = PluginId.of("lecun_normal");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        ScaledRandom.normal(weights, Math.sqrt(1.0 / fanIn), random);
    }
}
