package dev.backprop.optimizers;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.Map;

/**
 * RMSprop (Hinton, Srivastava &amp; Swersky, "Neural Networks for Machine Learning", lecture 6e,
 * 2012), id {@code rmsprop}. Each gradient is divided by the root of a decaying average of its
 * squares; there is no bias correction. With {@code μ = 0} (the default):
 * <pre>v ← ρ·v + (1 − ρ)·g²
 * w ← w − η·g / (√v + ε)</pre>
 * With momentum {@code μ > 0} the normalised gradient feeds a velocity, as in PyTorch's
 * {@code RMSprop(momentum=μ)}:
 * <pre>v ← ρ·v + (1 − ρ)·g²
 * b ← μ·b + g / (√v + ε)
 * w ← w − η·b</pre>
 * {@code ε} is added after the square root (PyTorch's placement, the same as {@link Adam} and
 * {@link Adagrad} here). Since {@code v} starts at zero the first step is about
 * {@code η / √(1 − ρ)} per weight ({@code 3.16·η} for {@code ρ = 0.9}). The centered variant (which
 * also tracks the mean gradient) is not offered.
 *
 * <p>Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 0.001, range {@code (0, ∞)}),
 * {@value #RHO} {@code ρ} (default 0.9, range {@code [0, 1)}), {@value #EPSILON} {@code ε}
 * (default 1e-7 as in Keras, range {@code (0, ∞)}) and {@value #MOMENTUM} {@code μ} (default 0,
 * range {@code [0, 1)}).
 *
 * <p>State: slot {@value #SQUARED_GRADIENT_AVERAGE_SLOT} holds {@code v}; only when {@code μ > 0},
 * slot {@value #MOMENTUM_SLOT} holds the velocity {@code b}. {@link #stateSlots()} is therefore 1
 * without momentum and 2 with it. Immutable and thread-safe.
 */
public final class Rmsprop extends ConfiguredPlugin implements Optimizer {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("rmsprop");
    /** The name of ρ, the decay rate of the average of squared gradients. */
    public static final String RHO = "rho";
    /** The name of ε, the constant that keeps the denominator away from zero. */
    public static final String EPSILON = "epsilon";
    /** The name of μ, the decay factor of the velocity (0 turns momentum off). */
    public static final String MOMENTUM = "momentum";
    /** The state slot holding v, the decaying average of squared gradients. */
    public static final int SQUARED_GRADIENT_AVERAGE_SLOT = 0;
    /** The state slot holding the velocity b; present only when the momentum is above 0. */
    public static final int MOMENTUM_SLOT = 1;
    /** The default learning rate η. */
    public static final double DEFAULT_LEARNING_RATE = 0.001;
    /** The default ρ. */
    public static final double DEFAULT_RHO = 0.9;
    /** The default ε (Keras's). */
    public static final double DEFAULT_EPSILON = 1e-7;
    /** The default momentum μ: none. */
    public static final double DEFAULT_MOMENTUM = 0;

    private static final Settings SETTINGS = Settings.of(ID,
            OptimizerSettings.learningRate(DEFAULT_LEARNING_RATE),
            OptimizerSettings.decayRate(RHO, DEFAULT_RHO, "ρ, decay rate of the average of squared gradients"),
            OptimizerSettings.epsilon(DEFAULT_EPSILON),
            OptimizerSettings.decayRate(MOMENTUM, DEFAULT_MOMENTUM, "μ, decay factor of the velocity (0: no momentum)"));

    private final double learningRate = number(LEARNING_RATE);
    private final double rho = number(RHO);
    private final double epsilon = number(EPSILON);
    private final double momentum = number(MOMENTUM);

    /** RMSprop with η = 0.001, ρ = 0.9, ε = 1e-7 and no momentum. */
    public Rmsprop() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_RHO, DEFAULT_EPSILON, DEFAULT_MOMENTUM);
    }

    /**
     * RMSprop with explicit settings.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite and {@code 0 ≤ ρ, μ < 1}
     */
    public Rmsprop(double learningRate, double rho, double epsilon, double momentum) {
        this(Hyperparameters.of(Map.of(LEARNING_RATE, learningRate, RHO, rho, EPSILON, epsilon,
                MOMENTUM, momentum)));
    }

    private Rmsprop(Hyperparameters values) {
        super(SETTINGS, values);
    }

    /** The momentum μ (0: none). */
    public double momentum() {
        return momentum;
    }

    @Override
    public Rmsprop withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Rmsprop::new);
    }

    /** One (the average of squared gradients) without momentum, two (plus the velocity) with it. */
    @Override
    public int stateSlots() {
        return momentum > 0 ? 2 : 1;
    }

    /** One RMSprop step per element, as in the class description. */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, stateSlots(), from, to);
        float[] squares = state.slot(SQUARED_GRADIENT_AVERAGE_SLOT);
        float eta = (float) learningRate;
        float r = (float) rho;
        float oneMinusR = (float) (1.0 - rho);
        float eps = (float) epsilon;
        if (momentum > 0) {
            float[] velocity = state.slot(MOMENTUM_SLOT);
            float mu = (float) momentum;
            for (int i = from; i < to; i++) {
                float g = gradient[i];
                float v = r * squares[i] + oneMinusR * (g * g);
                squares[i] = v;
                float b = mu * velocity[i] + g / ((float) Math.sqrt(v) + eps);
                velocity[i] = b;
                parameter[i] -= eta * b;
            }
        } else {
            for (int i = from; i < to; i++) {
                float g = gradient[i];
                float v = r * squares[i] + oneMinusR * (g * g);
                squares[i] = v;
                parameter[i] -= eta * g / ((float) Math.sqrt(v) + eps);
            }
        }
    }
}
