package dev.backprop.core.init;

import dev.backprop.api.PluginId;
import dev.backprop.api.init.WeightInitializer;
import java.util.random.RandomGenerator;

/** Glorot/Xavier normal: N(0, σ² = 2/(in+out)) (not truncated). */
public final class GlorotNormal implements WeightInitializer {

    /** This initialiser's id. */
    public static final PluginId ID = PluginId.of("glorot_normal");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        ScaledRandom.normal(weights, Math.sqrt(2.0 / (fanIn + fanOut)), random);
    }
}
