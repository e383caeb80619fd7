package dev.backprop.optimizers;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Settings;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.Map;

/**
 * Adadelta (Zeiler, 2012, "ADADELTA: An Adaptive Learning Rate Method", Algorithm 1), id
 * {@code adadelta}. It keeps decaying averages of the squared gradients and of the squared updates
 * and scales each gradient by the ratio of their roots, so the step has the units of the weight:
 * <pre>E[g²]  ← ρ·E[g²] + (1 − ρ)·g²
 * Δx     = −(√(E[Δx²] + ε) / √(E[g²] + ε))·g      (E[Δx²] of the previous update)
 * E[Δx²] ← ρ·E[Δx²] + (1 − ρ)·Δx²
 * w      ← w + η·Δx</pre>
 * The paper has no learning rate (it is {@code η = 1}, the default); as in PyTorch and Keras,
 * {@code η} scales the applied step only and {@code E[Δx²]} accumulates the unscaled {@code Δx}.
 * Because {@code E[Δx²]} starts at zero, the first steps are about {@code √ε} in size and grow as
 * the average builds up.
 *
 * <p>Settings: {@value Optimizer#LEARNING_RATE} {@code η} (default 1.0, range {@code (0, ∞)}),
 * {@value #RHO} {@code ρ} (default 0.95, range {@code [0, 1)}) and {@value #EPSILON} {@code ε}
 * (default 1e-6, range {@code (0, ∞)}).
 *
 * <p>State: slot {@value #SQUARED_GRADIENT_AVERAGE_SLOT} holds {@code E[g²]}, slot
 * {@value #SQUARED_UPDATE_AVERAGE_SLOT} holds {@code E[Δx²]}, both starting at zero. Immutable and
 * thread-safe.
 */
public final class Adadelta extends ConfiguredPlugin implements Optimizer {

    /** The id this optimizer is found by. */
    public static final PluginId ID = PluginId.of("adadelta");
    /** The name of ρ, the decay rate of both averages. */
    public static final String RHO = "rho";
    /** The name of ε, the constant added under both roots. */
    public static final String EPSILON = "epsilon";
    /** The state slot holding E[g²], the decaying average of squared gradients. */
    public static final int SQUARED_GRADIENT_AVERAGE_SLOT = 0;
    /** The state slot holding E[Δx²], the decaying average of squared (unscaled) updates. */
    public static final int SQUARED_UPDATE_AVERAGE_SLOT = 1;
    /** The default learning rate η (1: the paper's rule unscaled). */
    public static final double DEFAULT_LEARNING_RATE = 1.0;
    /** The default ρ. */
    public static final double DEFAULT_RHO = 0.95;
    /** The default ε. */
    public static final double DEFAULT_EPSILON = 1e-6;

    private static final Settings SETTINGS = Settings.of(ID,
            OptimizerSettings.learningRate(DEFAULT_LEARNING_RATE),
            OptimizerSettings.decayRate(RHO, DEFAULT_RHO, "ρ, decay rate of both averages"),
            OptimizerSettings.positive(EPSILON, DEFAULT_EPSILON, "ε, added under both roots"));

    private final double learningRate = number(LEARNING_RATE);
    private final double rho = number(RHO);
    private final double epsilon = number(EPSILON);

    /** Adadelta with η = 1, ρ = 0.95 and ε = 1e-6. */
    public Adadelta() {
        this(DEFAULT_LEARNING_RATE, DEFAULT_RHO, DEFAULT_EPSILON);
    }

    /**
     * Adadelta with explicit settings.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code η > 0} and {@code ε > 0}
     *                                                         are finite and {@code 0 ≤ ρ < 1}
     */
    public Adadelta(double learningRate, double rho, double epsilon) {
        this(Hyperparameters.of(Map.of(LEARNING_RATE, learningRate, RHO, rho, EPSILON, epsilon)));
    }

    private Adadelta(Hyperparameters values) {
        super(SETTINGS, values);
    }

    @Override
    public Adadelta withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Adadelta::new);
    }

    /** Two: the averages of squared gradients and of squared updates. */
    @Override
    public int stateSlots() {
        return 2;
    }

    /** One Adadelta step per element, as in the class description. */
    @Override
    public void update(float[] parameter, float[] gradient, OptimizerState state, int from, int to) {
        UpdateShapes.require(ID, parameter, gradient, state, 2, from, to);
        float[] squaredGradients = state.slot(SQUARED_GRADIENT_AVERAGE_SLOT);
        float[] squaredUpdates = state.slot(SQUARED_UPDATE_AVERAGE_SLOT);
        float eta = (float) learningRate;
        float r = (float) rho;
        float oneMinusR = (float) (1.0 - rho);
        float eps = (float) epsilon;
        for (int i = from; i < to; i++) {
            float g = gradient[i];
            float eg = r * squaredGradients[i] + oneMinusR * (g * g);
            squaredGradients[i] = eg;
            float ex = squaredUpdates[i];
            // delta is −Δx: the step along the gradient that is subtracted from the weight
            float delta = (float) Math.sqrt(ex + eps) / (float) Math.sqrt(eg + eps) * g;
            squaredUpdates[i] = r * ex + oneMinusR * (delta * delta);
            parameter[i] -= eta * delta;
        }
    }
}
