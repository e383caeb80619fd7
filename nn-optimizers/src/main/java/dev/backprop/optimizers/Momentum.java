package dev.backprop.optimizers;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * Gradient descent with classical (heavy-ball) momentum, id {@code momentum}. A velocity {@code v}
 * accumulates past steps, decaying by the factor {@code μ} per update:
 * <pre>v ← μ·v − η·g
 * w ← w + v</pre>
 * Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 0.01, valid range {@code (0, ∞)})
 * and {@value #MOMENTUM} {@code μ} (default 0.9, valid range {@code [0, 1)}; 0 reduces to plain
 * gradient descent). With a constant gradient the step approaches {@code η·g / (1 − μ)}.
 *
 * <p>State: slot {@value #VELOCITY_SLOT} holds the velocity {@code v}, starting at zero. Immutable
 * and thread-safe.
 */
public final class Momentum extends MomentumFamily {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("momentum");

    private static final Settings SETTINGS = MomentumFamily.settings(ID);

    /** Momentum with η = 0.01 and μ = 0.9. */
    public Momentum() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM);
    }

    /**
     * Momentum with learning rate {@code η} and momentum {@code μ}.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} is finite and
     *                                                         {@code 0 ≤ μ < 1}
     */
    public Momentum(double learningRate, double momentum) {
        this(MomentumFamily.values(learningRate, momentum));
    }

    private Momentum(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Momentum withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Momentum::new);
    }

    /** {@code v[i] ← μ·v[i] − η·g[i]}, then {@code w[i] ← w[i] + v[i]}. */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, 1, from, to);
        float[] velocity = state.slot(VELOCITY_SLOT);
        float eta = (float) learningRate;
        float mu = (float) momentum;
        for (int i = from; i < to; i++) {
            float v = mu * velocity[i] - eta * gradient[i];
            velocity[i] = v;
            parameter[i] += v;
        }
    }
}
