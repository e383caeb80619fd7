package dev.backprop.optimizers;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;

/**
 * What classical and Nesterov momentum share: the settings {@value Optimizer#LEARNING_RATE}
 * {@code η} (default 0.01) and {@value #MOMENTUM} {@code μ} (default 0.9, in {@code [0, 1)}),
 * declared once, and one state slot, the velocity. Each member adds its id and its update rule.
 */
abstract class MomentumFamily extends ConfiguredPlugin implements Optimizer {

    /** The name of the decay factor μ of the velocity. */
    public static final String MOMENTUM = "momentum";
    /** The state slot holding the velocity v. */
    public static final int VELOCITY_SLOT = 0;
    /** The default learning rate η. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The default momentum μ. */
    public static final double DEFAULT_MOMENTUM = 0.9;

    /** The learning rate η. */
    final double learningRate = number(LEARNING_RATE);
    /** The momentum μ. */
    final double momentum = number(MOMENTUM);

    MomentumFamily(Settings settings, Hyperparameters values) {
        super(settings, values);
    }

    /** The settings of the member {@code id}: η and μ. */
    static Settings settings(PluginId id) {
        return Settings.of(id, OptimizerSettings.learningRate(DEFAULT_LEARNING_RATE),
                OptimizerSettings.decayRate(MOMENTUM, DEFAULT_MOMENTUM,
                        "μ, decay factor of the velocity (0: plain gradient descent)"));
    }

    /** {@code η} and {@code μ}, for the members' typed constructors. */
    static Hyperparameters values(double learningRate, double momentum) {
        return Hyperparameters.of(LEARNING_RATE, learningRate, MOMENTUM, momentum);
    }

    /** The momentum μ. */
    public double momentum() {
        return momentum;
    }

    /** One: the velocity. */
    @Override
    public int stateSlots() {
        return 1;
    }
}
