package dev.backprop.optimizers;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
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
public final class Sgd implements Optimizer {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("sgd");
    /** The default learning rate η. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;

    private final double learningRate;
    private final Hyperparameters settings;

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
        this.learningRate = HyperparameterRanges.requirePositive(ID, LEARNING_RATE, learningRate,
                DEFAULT_LEARNING_RATE);
        this.settings = Hyperparameters.of(LEARNING_RATE, learningRate);
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@value Optimizer#LEARNING_RATE}. */
    @Override
    public Hyperparameters hyperparameters() {
        return settings;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public Sgd withHyperparameters(Hyperparameters hyperparameters) {
        hyperparameters.requireKnownNames(ID, settings.names());
        Hyperparameters merged = settings.withAll(hyperparameters);
        return merged.equals(settings) ? this : new Sgd(merged.get(LEARNING_RATE, learningRate));
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Sgd other && settings.equals(other.settings);
    }

    @Override
    public int hashCode() {
        return ID.hashCode() * 31 + settings.hashCode();
    }

    @Override
    public String toString() {
        return ID + settings.toString();
    }
}
