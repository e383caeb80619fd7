package dev.backprop.dashboard.internal;

import dev.backprop.api.PluginId;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * The "optimizer" of the probe's {@code TrainingStep}, which only ever computes gradients: it keeps no
 * state (so the probe allocates none) and refuses to update anything.
 */
final class MeasureOnly implements Optimizer {

    private static final PluginId ID = PluginId.of("backprop.dashboard_probe");

    @Override
    public PluginId id() {
        return ID;
    }

    @Override
    public int stateSlots() {
        return 0;
    }

    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        throw new IllegalStateException("The dashboard's probe measures gradients and never updates weights;"
                + " this is a bug in the dashboard.");
    }
}
