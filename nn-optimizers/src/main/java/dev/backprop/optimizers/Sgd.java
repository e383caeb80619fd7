package dev.backprop.optimizers;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * Plain (stochastic) gradient descent, id {@code sgd}: each update steps against the gradient,
 * <pre>w ← w − η·g</pre>
 * with learning rate {@code η} ({@value Optimizer#LEARNING_RATE}, default 0.01, valid range
 * {@code (0, ∞)}). It keeps no state ({@link #stateSlots()} is 0).
 *
 * <p>Immutable and thread-safe.
 */
public final class Sgd extends ConfiguredPlugin implements Optimizer {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("sgd");
    /** The default learning rate η. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private static final Settings SETTINGS = Settings.of(ID,
            OptimizerSettings.learningRate(DEFAULT_LEARNING_RATE));

    private final double learningRate = number(LEARNING_RATE);

    /** Gradient descent with the default learning rate 0.01. */
    public Sgd() {
        this(DEFAULT_LEARNING_RATE);
    }

    /**
     * Gradient descent with learning rate {@code η}.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η} is finite and {@code > 0}
     */
    public Sgd(double learningRate) {
        this(Hyperparameters.of(LEARNING_RATE, learningRate));
    }

    private Sgd(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Sgd withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Sgd::new);
    }

    /** None: the rule depends on the current gradient only. */
    @Override
    public int stateSlots() {
        return 0;
    }

    /** {@code w[i] ← w[i] − η·g[i]}. */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, 0, from, to);
        float eta = (float) learningRate;
        for (int i = from; i < to; i++) {
            parameter[i] -= eta * gradient[i];
        }
    }
}
