package dev.backprop.core.init;

import dev.backprop.api.PluginId;
import dev.backprop.api.init.WeightInitializer;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/** All weights zero (sensible only for a single layer: hidden units would stay identical). */
public final class Zeros implements WeightInitializer {

    /** This initialiser's id. */
    public static final PluginId ID = PluginId.of("zeros");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public void initialize(float[] weights, int fanIn, int fanOut, RandomGenerator random) {
        Arrays.fill(weights, 0f);
    }
}
