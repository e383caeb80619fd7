package dev.backprop.core.init;

import dev.backprop.api.PluginId;
import dev.backprop.api.init.WeightInitializer;
import java.util.random.RandomGenerator;

/** He/Kaiming normal: N(0, σ² = 2/in) (not truncated); the ReLU family's default. */
public final class HeNormal implements WeightInitializer {

    /** This initialiser's id. */
    public static final PluginId ID = PluginId.of("he_normal");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        ScaledRandom.normal(weights, Math.sqrt(2.0 / fanIn), random);
    }
}
