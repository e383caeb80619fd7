package dev.backprop.optimizers;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;

/**
 * Adam (Kingma &amp; Ba, 2015, "Adam: A Method for Stochastic Optimization"), id {@code adam}. It
 * keeps exponential moving averages of the gradient and of its square and steps by their
 * bias-corrected ratio. At step {@code t = 1, 2, …}:
 * <pre>m ← β₁·m + (1 − β₁)·g
 * v ← β₂·v + (1 − β₂)·g²
 * m̂ = m / (1 − β₁ᵗ),   v̂ = v / (1 − β₂ᵗ)
 * w ← w − η·m̂ / (√v̂ + ε)</pre>
 * The corrections undo the bias of {@code m} and {@code v} towards their zero start, so the first
 * step moves every weight by almost exactly {@code η·sign(g)}.
 *
 * <p>With the switch {@value #AMSGRAD} on (Reddi, Kale &amp; Kumar, 2018, "On the Convergence of Adam and
 * Beyond") the denominator uses the largest second moment seen so far instead of the current one,
 * so the effective step size never grows when gradients shrink. The maximum is taken over the raw
 * {@code v} and bias-corrected at the current step, as in PyTorch's {@code Adam(amsgrad=True)}:
 * <pre>v̂max ← max(v̂max, v)
 * w ← w − η·m̂ / (√(v̂max / (1 − β₂ᵗ)) + ε)</pre>
 *
 * <p>Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 0.001, range {@code (0, ∞)}),
 * {@value #BETA1} {@code β₁} (default 0.9) and {@value #BETA2} {@code β₂} (default 0.999), both in
 * {@code [0, 1)}, {@value #EPSILON} {@code ε} (default 1e-8, range {@code (0, ∞)}) and
 * the switch {@value #AMSGRAD} (default false; a file that holds it as the number 1 or 0, as files
 * written before switches existed do, is read as true or false, and no other number is accepted).
 *
 * <p>State: slot {@value #FIRST_MOMENT_SLOT} holds {@code m}, slot {@value #SECOND_MOMENT_SLOT}
 * holds {@code v} and, only with {@value #AMSGRAD} on, slot {@value #MAX_SECOND_MOMENT_SLOT} holds
 * {@code v̂max}; {@link #stateSlots()} is therefore 2, or 3 with AMSGrad. {@code t} is
 * {@link OptimizerState#step()}. The corrections are computed once per
 * call in double; the loop over elements runs in float. Immutable and thread-safe.
 */
public final class Adam extends AdamFamily {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("adam");
    /** The name of the AMSGrad switch: true or false (an old file's 1 or 0). */
    public static final String AMSGRAD = "amsgrad";
    /** The state slot holding the second moment v. */
    public static final int SECOND_MOMENT_SLOT = 1;
    /** The state slot holding v̂max, the largest second moment so far; present only with AMSGrad on. */
    public static final int MAX_SECOND_MOMENT_SLOT = 2;
    /** The default learning rate η. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-8;

    private static final Settings SETTINGS = AdamFamily.settings(ID, DEFAULT_LEARNING_RATE, DEFAULT_BETA1,
            DEFAULT_BETA2, DEFAULT_EPSILON, "the average of squared gradients (second moment)",
            Setting.flag(AMSGRAD, false, "divide by the largest second moment so far (AMSGrad)"));

    private final boolean amsgrad = flag(AMSGRAD);

    /** Adam with the paper's defaults: η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, without AMSGrad. */
    public Adam() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
    }

    /**
     * Adam with explicit settings, without AMSGrad.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite and {@code 0 ≤ β₁, β₂ < 1}
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon) {
        this(learningRate, beta1, beta2, epsilon, false);
    }

    /**
     * Adam with explicit settings; {@code amsgrad} turns the AMSGrad variant on.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite and {@code 0 ≤ β₁, β₂ < 1}
     */
    public Adam(double learningRate, double beta1, double beta2, double epsilon, boolean amsgrad) {
        this(values(learningRate, beta1, beta2, epsilon).with(AMSGRAD, amsgrad));
    }

    private Adam(Hyperparameters values) {
        super(SETTINGS, values);
    }

    /** True when the AMSGrad variant is on. */
    public boolean amsgrad() {
        return amsgrad;
    }

    @Override
    public Adam withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Adam::new);
    }

    /** Two (the first moment m and the second moment v), or three with AMSGrad (plus v̂max). */
    @Override
    public int stateSlots() {
        return amsgrad ? 3 : 2;
    }

    /**
     * One Adam step at {@code t = state.step()}. Since {@code √v̂ = √v / √(1 − β₂ᵗ)}, the loop computes
     * {@code w ← w − (η / (1 − β₁ᵗ))·m / (√v · (1 / √(1 − β₂ᵗ)) + ε)}, with both factors precomputed;
     * with AMSGrad, {@code v̂max} takes the place of {@code v} under the root.
     *
     * @throws IllegalStateException if {@code state.step()} is below 1, that is if the state was not
     *                               advanced before the update
     */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, stateSlots(), from, to);
        long t = UpdateShapes.requireStarted(ID, state);
        double firstCorrection = 1.0 - Math.pow(beta1, t);
        double secondCorrection = 1.0 - Math.pow(beta2, t);
        float stepSize = (float) (learningRate / firstCorrection);
        float rootSecondCorrectionInverse = (float) (1.0 / Math.sqrt(secondCorrection));
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = (float) (1.0 - beta1);
        float oneMinusB2 = (float) (1.0 - beta2);
        float eps = (float) epsilon;

        float[] m = state.slot(FIRST_MOMENT_SLOT);
        float[] v = state.slot(SECOND_MOMENT_SLOT);
        if (amsgrad) {
            float[] vMax = state.slot(MAX_SECOND_MOMENT_SLOT);
            for (int i = from; i < to; i++) {
                float g = gradient[i];
                float mi = b1 * m[i] + oneMinusB1 * g;
                float vi = b2 * v[i] + oneMinusB2 * (g * g);
                float vMaxI = Math.max(vMax[i], vi);
                m[i] = mi;
                v[i] = vi;
                vMax[i] = vMaxI;
                parameter[i] -= stepSize * mi / ((float) Math.sqrt(vMaxI) * rootSecondCorrectionInverse + eps);
            }
        } else {
            for (int i = from; i < to; i++) {
                float g = gradient[i];
                float mi = b1 * m[i] + oneMinusB1 * g;
                float vi = b2 * v[i] + oneMinusB2 * (g * g);
                m[i] = mi;
                v[i] = vi;
                parameter[i] -= stepSize * mi / ((float) Math.sqrt(vi) * rootSecondCorrectionInverse + eps);
            }
        }
    }
}
