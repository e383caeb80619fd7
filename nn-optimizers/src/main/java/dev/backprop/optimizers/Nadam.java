package dev.backprop.optimizers;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * Nadam, Adam with Nesterov momentum (Dozat, 2016, "Incorporating Nesterov Momentum into Adam",
 * ICLR 2016 workshop track, Algorithm 2), id {@code nadam}: the rule of PyTorch's
 * {@code torch.optim.NAdam} and Keras's {@code Nadam}. The first moment is looked at one step
 * ahead, with a momentum {@code μₜ} that warms up towards {@code β₁}. At step {@code t = 1, 2, …}:
 * <pre>μₜ = β₁·(1 − ½·0.96^(ψ·t))          (momentum_schedule = dozat)
 * m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * m̄ = μₜ₊₁·m / (1 − ∏ᵢ₌₁ᵗ⁺¹ μᵢ) + (1 − μₜ)·g / (1 − ∏ᵢ₌₁ᵗ μᵢ)
 * v̂ = v / (1 − β₂ᵗ)
 * w ← w − η·m̄ / (√v̂ + ε)</pre>
 * The product {@code ∏ μᵢ} (PyTorch's {@code mu_product}) depends only on {@code t}, {@code β₁}
 * and {@code ψ}, so it is not kept in the state: it is recomputed from the step, which keeps
 * checkpoints exact, and cached per instance so that consecutive steps cost one multiplication.
 *
 * <p>{@code momentum_schedule = constant} keeps {@code μₜ = β₁} for every {@code t}, so that the
 * products become {@code β₁ᵗ} and {@code β₁ᵗ⁺¹}: {@code m̄ = β₁·m / (1 − β₁ᵗ⁺¹) + (1 − β₁)·g / (1 − β₁ᵗ)}.
 * That is the rule {@code nadam} followed before it took up the warming schedule; it ignores
 * {@code momentum_decay}.
 *
 * <p>Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 0.002, range {@code (0, ∞)}),
 * {@value #BETA1} {@code β₁} (default 0.9) and {@value #BETA2} {@code β₂} (default 0.999), both in
 * {@code [0, 1)}, {@value #EPSILON} {@code ε} (default 1e-7, Keras's; PyTorch's is 1e-8, range
 * {@code (0, ∞)}), {@value #MOMENTUM_SCHEDULE} (text, {@value #DOZAT} (default) or
 * {@value #CONSTANT}) and {@value #MOMENTUM_DECAY} {@code ψ} (default 0.004, range {@code [0, ∞)}).
 * There is no weight decay.
 *
 * <p>State: slot {@value #FIRST_MOMENT_SLOT} holds {@code m}, slot {@value #SECOND_MOMENT_SLOT}
 * holds {@code v}; {@code t} is {@link OptimizerState#step()}. The corrections are computed once per
 * call in double; the loop over elements runs in float. Immutable in its settings and thread-safe:
 * the only mutable field is the cache of {@code ∏ μᵢ}, an immutable pair swapped atomically that
 * never changes a result.
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
    /** The name of the text setting choosing the momentum schedule μₜ. */
    public static final String MOMENTUM_SCHEDULE = "momentum_schedule";
    /** The schedule μₜ = β₁·(1 − ½·0.96^(ψ·t)) of Dozat, PyTorch and Keras: the default. */
    public static final String DOZAT = "dozat";
    /** The schedule μₜ = β₁, the rule nadam followed before. */
    public static final String CONSTANT = "constant";
    /** The name of ψ, how fast the dozat schedule warms up (PyTorch's {@code momentum_decay}). */
    public static final String MOMENTUM_DECAY = "momentum_decay";
    /** The default ψ (PyTorch's and Keras's). */
    public static final double DEFAULT_MOMENTUM_DECAY = 0.004;

    /** The base of the dozat schedule's power, 0.96 in the paper, PyTorch and Keras. */
    private static final double SCHEDULE_BASE = 0.96;
    /**
     * Once {@code ∏ μᵢ} is at most 2⁻⁵⁴, {@code 1 − ∏ μᵢ} rounds to exactly 1 in double, and so does
     * it for every later product (each is smaller still); the product is then kept as 0, which gives
     * bit-identical corrections and lets a recomputation from scratch stop early.
     */
    private static final double NEGLIGIBLE_PRODUCT = 0x1p-54;

    private static final Settings SETTINGS = AdamFamily.settings(ID, DEFAULT_LEARNING_RATE, DEFAULT_BETA1,
            DEFAULT_BETA2, DEFAULT_EPSILON, "the average of squared gradients (second moment)",
            Setting.choice(MOMENTUM_SCHEDULE, DOZAT, "momentum μₜ: dozat = β₁·(1 − ½·0.96^(ψ·t)) as in PyTorch"
                    + " and Keras, constant = β₁ (nadam's rule before)", DOZAT, CONSTANT),
            OptimizerSettings.nonNegative(MOMENTUM_DECAY, DEFAULT_MOMENTUM_DECAY,
                    "ψ, how fast the dozat schedule's μₜ warms up to β₁ (ignored by constant)"));

    /** ∏ᵢ₌₁ᵗ μᵢ for one step t, with products of at most 2⁻⁵⁴ kept as 0. */
    private record MomentumProduct(long step, double product) {
    }

    private final boolean dozat = DOZAT.equals(text(MOMENTUM_SCHEDULE));
    private final double momentumDecay = number(MOMENTUM_DECAY);
    /** The last product computed; only a cache: every value it can hold is the one recomputation gives. */
    private volatile MomentumProduct lastProduct = new MomentumProduct(0, 1.0);

    /** Nadam with η = 0.002, β₁ = 0.9, β₂ = 0.999, ε = 1e-7 and the dozat schedule with ψ = 0.004. */
    public Nadam() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * Nadam with explicit settings and the dozat schedule with ψ = 0.004.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite and {@code 0 ≤ β₁, β₂ < 1}
     */
    public Nadam(double learningRate, double beta1, double beta2, double epsilon) {
        this(values(learningRate, beta1, beta2, epsilon));
    }

    /**
     * Nadam with explicit settings and schedule.
     *
     * @param momentumSchedule {@value #DOZAT} or {@value #CONSTANT}
     * @param momentumDecay    ψ, used by the dozat schedule
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite, {@code 0 ≤ β₁, β₂ < 1},
     *                                                         {@code ψ ≥ 0} and the schedule is one of
     *                                                         the two
     */
    public Nadam(double learningRate, double beta1, double beta2, double epsilon, String momentumSchedule,
                 double momentumDecay) {
        this(values(learningRate, beta1, beta2, epsilon).with(MOMENTUM_SCHEDULE, momentumSchedule)
                .with(MOMENTUM_DECAY, momentumDecay));
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
     * {@code a = η·μₜ₊₁ / (1 − ∏ᵢ₌₁ᵗ⁺¹ μᵢ)} and {@code b = η·(1 − μₜ) / (1 − ∏ᵢ₌₁ᵗ μᵢ)} precomputed
     * in double.
     *
     * @throws IllegalStateException if {@code state.step()} is below 1, that is if the state was not
     *                               advanced before the update
     */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, 2, from, to);
        long t = UpdateShapes.requireStarted(ID, state);
        float momentumScale;
        float gradientScale;
        if (dozat) {
            double mu = momentum(t);
            double muNext = momentum(t + 1);
            double product = momentumProduct(t);
            momentumScale = (float) (learningRate * muNext / (1.0 - product * muNext));
            gradientScale = (float) (learningRate * (1.0 - mu) / (1.0 - product));
        } else {
            momentumScale = (float) (learningRate * beta1 / (1.0 - Math.pow(beta1, t + 1)));
            gradientScale = (float) (learningRate * (1.0 - beta1) / (1.0 - Math.pow(beta1, t)));
        }
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

    /** μₜ = β₁·(1 − ½·0.96^(ψ·t)), computed as PyTorch does. */
    private double momentum(long t) {
        return beta1 * (1.0 - 0.5 * Math.pow(SCHEDULE_BASE, t * momentumDecay));
    }

    /**
     * ∏ᵢ₌₁ᵗ μᵢ, multiplied in the order i = 1, 2, …, t (so any path to it gives the same bits), and 0
     * once it is at most 2⁻⁵⁴. Continues from the cached product when t has not gone back (one
     * multiplication per step in training), otherwise starts again from 1; either way at most until the
     * product becomes negligible, about 50 factors for the default β₁ and ψ.
     */
    double momentumProduct(long t) {
        MomentumProduct last = lastProduct;
        if (last.step() == t) {
            return last.product();
        }
        long i = last.step() < t ? last.step() : 0;
        double product = last.step() < t ? last.product() : 1.0;
        while (i < t && product != 0) {
            i++;
            product *= momentum(i);
            if (product <= NEGLIGIBLE_PRODUCT) {
                product = 0;
            }
        }
        lastProduct = new MomentumProduct(t, product);
        return product;
    }
}
