package dev.backprop.optimizers;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.Map;

/**
 * Adagrad (Duchi, Hazan &amp; Singer, 2011, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization"), id {@code adagrad}. Each weight's step is divided by the root of the
 * sum of all its squared gradients so far, so often-updated weights slow down:
 * <pre>G ← G + g²                    (G starts at G₀, the initial accumulator)
 * w ← w − η·g / (√G + ε)</pre>
 *
 * <p>Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 0.01, range {@code (0, ∞)}),
 * {@value #EPSILON} {@code ε} (default 1e-7, range {@code (0, ∞)}) and {@value #INITIAL_ACCUMULATOR}
 * {@code G₀} (default 0.1 as in Keras, range {@code [0, ∞)}), the value the accumulator starts
 * from, which damps the first steps.
 *
 * <p>State: core zero-initialises every slot, so slot {@value #SQUARED_GRADIENT_SUM_SLOT} holds
 * {@code S = G − G₀}, the plain sum of the squared gradients seen so far (this update's included),
 * and the initial accumulator is added in the formula: each update computes
 * <pre>S ← S + g²
 * w ← w − η·g / (√(G₀ + S) + ε)</pre>
 * which is the rule above with {@code G = G₀ + S}; the first update therefore sees
 * {@code G = G₀ + g²}. Changing {@code G₀} between runs re-reads the same saved state under the new
 * starting value. Immutable and thread-safe.
 */
public final class Adagrad extends ConfiguredPlugin implements Optimizer {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("adagrad");
    /** The name of ε, the constant that keeps the denominator away from zero. */
    public static final String EPSILON = "epsilon";
    /** The name of G₀, the value the squared-gradient accumulator starts from. */
    public static final String INITIAL_ACCUMULATOR = "initial_accumulator";
    /** The state slot holding S = G − G₀, the sum of squared gradients without the initial value. */
    public static final int SQUARED_GRADIENT_SUM_SLOT = 0;
    /** The default learning rate η. */
    public static final double DEFAULT_LEARNING_RATE = 0.01;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-7;
    /** The default initial accumulator G₀ (Keras's). */
    public static final double DEFAULT_INITIAL_ACCUMULATOR = 0.1;

    private static final Settings SETTINGS = Settings.of(ID,
            OptimizerSettings.learningRate(DEFAULT_LEARNING_RATE),
            OptimizerSettings.epsilon(DEFAULT_EPSILON),
            OptimizerSettings.nonNegative(INITIAL_ACCUMULATOR, DEFAULT_INITIAL_ACCUMULATOR, "G₀, the value the sum of squared gradients starts from"));

    private final double learningRate = number(LEARNING_RATE);
    private final double epsilon = number(EPSILON);
    private final double initialAccumulator = number(INITIAL_ACCUMULATOR);

    /** Adagrad with η = 0.01, ε = 1e-7 and G₀ = 0.1. */
    public Adagrad() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_EPSILON, DEFAULT_INITIAL_ACCUMULATOR);
    }

    /**
     * Adagrad with explicit settings.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite and {@code G₀ ≥ 0} is finite
     */
    public Adagrad(double learningRate, double epsilon, double initialAccumulator) {
        this(Hyperparameters.of(Map.of(LEARNING_RATE, learningRate, EPSILON, epsilon,
                INITIAL_ACCUMULATOR, initialAccumulator)));
    }

    private Adagrad(Hyperparameters values) {
        super(SETTINGS, values);
    }

    /** The initial accumulator G₀. */
    public double initialAccumulator() {
        return initialAccumulator;
    }

    @Override
    public Adagrad withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Adagrad::new);
    }

    /** One: the sum of squared gradients without the initial accumulator. */
    @Override
    public int stateSlots() {
        return 1;
    }

    /** {@code S[i] ← S[i] + g[i]²}, then {@code w[i] ← w[i] − η·g[i] / (√(G₀ + S[i]) + ε)}. */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, 1, from, to);
        float[] sum = state.slot(SQUARED_GRADIENT_SUM_SLOT);
        float eta = (float) learningRate;
        float eps = (float) epsilon;
        float g0 = (float) initialAccumulator;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float s = sum[i] + g * g;
            sum[i] = s;
            parameter[i] -= eta * g / ((float) Math.sqrt(g0 + s) + eps);
        }
    }
}
