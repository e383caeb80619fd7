package dev.backprop.core.init;

import dev.backprop.api.PluginId;
import dev.backprop.api.init.WeightInitializer;
import java.util.random.RandomGenerator;

/** Glorot/Xavier uniform (Glorot &amp; Bengio 2010): U(−√(6/(in+out)), +√(6/(in+out))); suits sigmoid and tanh. */
public final class GlorotUniform implements WeightInitializer {

    /** This initialiser's id. */
    public static final PluginId ID = PluginId.of("glorot_uniform");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        ScaledRandom.uniform(weights, Math.sqrt(6.0 / (fanIn + fanOut)), random);
    }
}
