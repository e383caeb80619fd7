package dev.backprop.optimizers;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * Gradient descent with Nesterov momentum, id {@code nesterov}, in the form of Sutskever et al.
 * (2013, "On the importance of initialization and momentum in deep learning") as PyTorch's
 * {@code SGD(nesterov=True)} implements it: the weight steps along the current gradient plus the
 * already updated velocity, which looks one step ahead of classical momentum.
 * <pre>v ← μ·v + g
 * w ← w − η·(g + μ·v)</pre>
 * Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 0.01, valid range {@code (0, ∞)})
 * and {@value #MOMENTUM} {@code μ} (default 0.9, valid range {@code [0, 1)}; 0 reduces to plain
 * gradient descent). With a constant gradient the step approaches {@code η·g / (1 − μ)}, as for
 * classical momentum.
 *
 * <p>State: slot {@value #VELOCITY_SLOT} holds the velocity {@code v}, starting at zero. Unlike
 * {@link Momentum}'s velocity it is not scaled by the learning rate: it is a decaying sum of
 * gradients. Immutable and thread-safe.
 */
public final class Nesterov extends MomentumFamily {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("nesterov");

    private static final Settings SETTINGS = MomentumFamily.settings(ID);

    /** Nesterov momentum with η = 0.01 and μ = 0.9. */
    public Nesterov() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_MOMENTUM);
    }

    /**
     * Nesterov momentum with learning rate {@code η} and momentum {@code μ}.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} is finite and
     *                                                         {@code 0 ≤ μ < 1}
     */
    public Nesterov(double learningRate, double momentum) {
        this(MomentumFamily.values(learningRate, momentum));
    }

    private Nesterov(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Nesterov withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Nesterov::new);
    }

    /** {@code v[i] ← μ·v[i] + g[i]}, then {@code w[i] ← w[i] − η·(g[i] + μ·v[i])}. */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, 1, from, to);
        float[] velocity = state.slot(VELOCITY_SLOT);
        float eta = (float) learningRate;
        float mu = (float) momentum;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float v = mu * velocity[i] + g;
            velocity[i] = v;
            parameter[i] -= eta * (g + mu * v);
        }
    }
}
