package dev.backprop.optimizers;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * AdamW (Loshchilov &amp; Hutter, 2019, "Decoupled Weight Decay Regularization"), id {@code adamw}:
 * {@link Adam} plus a weight decay that shrinks each weight directly instead of being added to the
 * gradient, so it is not rescaled by Adam's adaptive denominator. At step {@code t = 1, 2, …}:
 * <pre>m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 * w ← w − η·λ·w − η·m̂ / (√v̂ + ε)</pre>
 * The decay uses the weight from before this update and is scaled by the same learning rate
 * {@code η} (PyTorch's convention: {@code w ← w·(1 − η·λ)}, then the Adam step), so the paper's
 * schedule multiplier is folded into {@code η}. With {@code λ = 0} this is exactly {@link Adam}. A
 * zero gradient still shrinks the weights by the factor {@code 1 − η·λ} per update.
 *
 * <p>Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 0.001, range {@code (0, ∞)}),
 * {@value #BETA1} {@code β₁} (default 0.9) and {@value #BETA2} {@code β₂} (default 0.999), both in
 * {@code [0, 1)}, {@value #EPSILON} {@code ε} (default 1e-8, range {@code (0, ∞)}) and
 * {@value #WEIGHT_DECAY} {@code λ} (default 0.01, range {@code [0, ∞)}; keep {@code η·λ} well below
 * 1).
 *
 * <p>State: slot {@value #FIRST_MOMENT_SLOT} holds {@code m}, slot {@value #SECOND_MOMENT_SLOT}
 * holds {@code v}; {@code t} is {@link OptimizerState#step()}. The corrections and the decay factor
 * are computed once per call in double; the loop over elements runs in float. Immutable and
 * thread-safe.
 */
public final class AdamW extends AdamFamily {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("adamw");
    /** The name of λ, the decoupled weight decay. */
    public static final String WEIGHT_DECAY = "weight_decay";
    /** The state slot holding the second moment v. */
    public static final int SECOND_MOMENT_SLOT = 1;
    /** The default learning rate η. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;
    /** The default weight decay λ (PyTorch's). */
    public static final double DEFAULT_WEIGHT_DECAY = 0.01;

    private static final Settings SETTINGS = AdamFamily.settings(ID, DEFAULT_LEARNING_RATE, DEFAULT_BETA1,
            DEFAULT_BETA2, DEFAULT_EPSILON, "the average of squared gradients (second moment)",
            OptimizerSettings.nonNegative(WEIGHT_DECAY, DEFAULT_WEIGHT_DECAY, "λ, decoupled weight decay (keep η·λ well below 1)"));

    private final double weightDecay = number(WEIGHT_DECAY);

    /** AdamW with η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8 and λ = 0.01. */
    public AdamW() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON, DEFAULT_WEIGHT_DECAY);
    }

    /**
     * AdamW with explicit settings.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite, {@code 0 ≤ β₁, β₂ < 1} and
     *                                                         {@code λ ≥ 0} is finite
     */
    public AdamW(double learningRate, double beta1, double beta2, double epsilon, double weightDecay) {
        this(values(learningRate, beta1, beta2, epsilon).with(WEIGHT_DECAY, weightDecay));
    }

    private AdamW(Hyperparameters values) {
        super(SETTINGS, values);
    }

    /** The decoupled weight decay λ. */
    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public AdamW withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, AdamW::new);
    }

    /**
     * One AdamW step at {@code t = state.step()}: the loop computes
     * {@code w ← (1 − η·λ)·w − (η / (1 − β₁ᵗ))·m / (√v · (1 / √(1 − β₂ᵗ)) + ε)}, with the three
     * factors precomputed.
     *
     * @throws IllegalStateException if {@code state.step()} is below 1, that is if the state was not
     *                               advanced before the update
     */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, 2, from, to);
        long t = UpdateShapes.requireStarted(ID, state);
        double firstCorrection = 1.0 - Math.pow(beta1, t);
        double secondCorrection = 1.0 - Math.pow(beta2, t);
        float stepSize = (float) (learningRate / firstCorrection);
        float rootSecondCorrectionInverse = (float) (1.0 / Math.sqrt(secondCorrection));
        float keep = (float) (1.0 - learningRate * weightDecay);
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
            parameter[i] = keep * parameter[i]
                    - stepSize * mi / ((float) Math.sqrt(vi) * rootSecondCorrectionInverse + eps);
        }
    }
}
