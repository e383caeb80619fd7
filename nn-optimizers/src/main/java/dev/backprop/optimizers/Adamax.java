package dev.backprop.optimizers;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * Adamax (Kingma &amp; Ba, 2015, "Adam: A Method for Stochastic Optimization", section 7.1 and
 * Algorithm 2), id {@code adamax}: Adam with the second moment replaced by an exponentially
 * weighted infinity norm of past gradients, which needs no bias correction. At step
 * {@code t = 1, 2, …}:
 * <pre>m ← β₁·m + (1 − β₁)·g
 * u ← max(β₂·u, |g|)
 * w ← w − (η / (1 − β₁ᵗ))·m / (u + ε)</pre>
 * The paper has no {@code ε}; as in Keras it is added to {@code u} so that a weight whose gradients
 * have all been zero divides by {@code ε} rather than by zero (its {@code m} is zero too, so it stays
 * put).
 *
 * <p>Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 0.002, range {@code (0, ∞)}),
 * {@value #BETA1} {@code β₁} (default 0.9) and {@value #BETA2} {@code β₂} (default 0.999), both in
 * {@code [0, 1)}, and {@value #EPSILON} {@code ε} (default 1e-7, range {@code (0, ∞)}).
 *
 * <p>State: slot {@value #FIRST_MOMENT_SLOT} holds {@code m}, slot {@value #INFINITY_NORM_SLOT}
 * holds {@code u}; {@code t} is {@link OptimizerState#step()}. The correction is computed once per
 * call in double; the loop over elements runs in float. Immutable and thread-safe.
 */
public final class Adamax extends AdamFamily {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("adamax");
    /** The state slot holding the exponentially weighted infinity norm u. */
    public static final int INFINITY_NORM_SLOT = 1;
    /** The default learning rate η (the paper's). */
    public static final double DEFAULT_LEARNING_RATE = 0.002;
    /** The default ε (Keras's). */
    public static final double DEFAULT_EPSILON = 1e-7;

    private static final Settings SETTINGS = AdamFamily.settings(ID, DEFAULT_LEARNING_RATE, DEFAULT_BETA1,
            DEFAULT_BETA2, DEFAULT_EPSILON, "the infinity norm");

    /** Adamax with η = 0.002, β₁ = 0.9, β₂ = 0.999 and ε = 1e-7. */
    public Adamax() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * Adamax with explicit settings.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite and {@code 0 ≤ β₁, β₂ < 1}
     */
    public Adamax(double learningRate, double beta1, double beta2, double epsilon) {
        this(values(learningRate, beta1, beta2, epsilon));
    }

    private Adamax(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Adamax withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Adamax::new);
    }

    /**
     * One Adamax step at {@code t = state.step()}, with {@code η / (1 − β₁ᵗ)} precomputed.
     *
     * @throws IllegalStateException if {@code state.step()} is below 1, that is if the state was not
     *                               advanced before the update
     */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, 2, from, to);
        long t = UpdateShapes.requireStarted(ID, state);
        float stepSize = (float) (learningRate / (1.0 - Math.pow(beta1, t)));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = (float) (1.0 - beta1);
        float eps = (float) epsilon;

        float[] m = state.slot(FIRST_MOMENT_SLOT);
        float[] u = state.slot(INFINITY_NORM_SLOT);
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float mi = b1 * m[i] + oneMinusB1 * g;
            float ui = Math.max(b2 * u[i], Math.abs(g));
            m[i] = mi;
            u[i] = ui;
            parameter[i] -= stepSize * mi / (ui + eps);
        }
    }
}
