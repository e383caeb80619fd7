package dev.backprop.optimizers;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * Nadam, Adam with Nesterov momentum (Dozat, 2016, "Incorporating Nesterov Momentum into Adam",
 * ICLR 2016 workshop track, Algorithm 2), id {@code nadam}. The first moment is looked at one step
 * ahead: the numerator mixes the next step's corrected momentum with the current corrected
 * gradient. At step {@code t = 1, 2, …}:
 * <pre>m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * m̄ = β₁·m / (1 − β₁ᵗ⁺¹) + (1 − β₁)·g / (1 − β₁ᵗ)
 * v̂ = v / (1 − β₂ᵗ)
 * w ← w − η·m̄ / (√v̂ + ε)</pre>
 * This is Dozat's Algorithm 2 with a constant momentum schedule {@code μₜ = β₁} for every
 * {@code t}, so that the products {@code ∏ μᵢ} become {@code β₁ᵗ} and {@code β₁ᵗ⁺¹}. The warming
 * schedule {@code μₜ = β₁·(1 − ½·0.96^(0.004·t))} of PyTorch's {@code NAdam}
 * ({@code momentum_decay = 0.004}; Keras uses a similar one) is deliberately not applied: it needs
 * the running product of all past {@code μᵢ}, which is neither cheap to derive from the step count
 * nor kept in the state. Results therefore differ somewhat from those libraries'.
 *
 * <p>Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 0.002, range {@code (0, ∞)}),
 * {@value #BETA1} {@code β₁} (default 0.9) and {@value #BETA2} {@code β₂} (default 0.999), both in
 * {@code [0, 1)}, and {@value #EPSILON} {@code ε} (default 1e-7, range {@code (0, ∞)}).
 *
 * <p>State: slot {@value #FIRST_MOMENT_SLOT} holds {@code m}, slot {@value #SECOND_MOMENT_SLOT}
 * holds {@code v}; {@code t} is {@link OptimizerState#step()}. The corrections are computed once per
 * call in double; the loop over elements runs in float. Immutable and thread-safe.
 */
public final class Nadam extends AdamFamily {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("nadam");
    /** The state slot holding the second moment v. */
    public static final int SECOND_MOMENT_SLOT = 1;
    /** The default learning rate η. */
    public static final double DEFAULT_LEARNING_RATE = 0.002;
    /** The default ε (Keras's). */
    public static final double DEFAULT_EPSILON = 1e-7;

    private static final Settings SETTINGS = AdamFamily.settings(ID, DEFAULT_LEARNING_RATE, DEFAULT_BETA1,
            DEFAULT_BETA2, DEFAULT_EPSILON, "the average of squared gradients (second moment)");

    /** Nadam with η = 0.002, β₁ = 0.9, β₂ = 0.999 and ε = 1e-7. */
    public Nadam() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * Nadam with explicit settings.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite and {@code 0 ≤ β₁, β₂ < 1}
     */
    public Nadam(double learningRate, double beta1, double beta2, double epsilon) {
        this(values(learningRate, beta1, beta2, epsilon));
    }

    private Nadam(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Nadam withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Nadam::new);
    }

    /**
     * One Nadam step at {@code t = state.step()}. The loop computes
     * {@code w ← w − (a·m + b·g) / (√v · (1 / √(1 − β₂ᵗ)) + ε)} with
     * {@code a = η·β₁ / (1 − β₁ᵗ⁺¹)} and {@code b = η·(1 − β₁) / (1 − β₁ᵗ)} precomputed in double.
     *
     * @throws IllegalStateException if {@code state.step()} is below 1, that is if the state was not
     *                               advanced before the update
     */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, 2, from, to);
        long t = UpdateShapes.requireStarted(ID, state);
        float momentumScale = (float) (learningRate * beta1 / (1.0 - Math.pow(beta1, t + 1)));
        float gradientScale = (float) (learningRate * (1.0 - beta1) / (1.0 - Math.pow(beta1, t)));
        float rootSecondCorrectionInverse = (float) (1.0 / Math.sqrt(1.0 - Math.pow(beta2, t)));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = (float) (1.0 - beta1);
        float oneMinusB2 = (float) (1.0 - beta2);
        float eps = (float) epsilon;

        float[] m = state.slot(FIRST_MOMENT_SLOT);
        float[] v = state.slot(SECOND_MOMENT_SLOT);
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float mi = b1 * m[i] + oneMinusB1 * g;
            float vi = b2 * v[i] + oneMinusB2 * (g * g);
            m[i] = mi;
            v[i] = vi;
            parameter[i] -= (momentumScale * mi + gradientScale * g)
                    / ((float) Math.sqrt(vi) * rootSecondCorrectionInverse + eps);
        }
    }
}
