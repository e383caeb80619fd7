package dev.backprop.core.loss;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.loss.ElementwiseLoss;

/**
 * The Huber loss, id {@code huber}: quadratic for small errors and linear for large ones. With the
 * error {@code e = p − y} and the threshold {@code δ} (setting {@value #DELTA}):
 * <pre>ℓ(e) = ½·e²              if |e| ≤ δ
 * ℓ(e) = δ·(|e| − ½·δ)     if |e| &gt; δ
 *
 * E = 1/(B·K) · Σ_b Σ_k ℓ(p_bk − y_bk)</pre>
 * the terms summed over every element of the batch and averaged over all {@code B·K} elements,
 * outputs and examples alike (the Keras {@code Huber} loss and PyTorch's {@code HuberLoss} with the
 * {@code "mean"} reduction).
 *
 * <p><b>Gradient.</b> {@code ∂E/∂p_bk = ℓ'(e_bk)/(B·K)} with {@code ℓ'(e) = e} for {@code |e| ≤ δ} and
 * {@code ℓ'(e) = δ·sign(e)} otherwise, that is {@code e} clamped to {@code [−δ, δ]}. The two pieces
 * meet with equal value and slope at {@code |e| = δ}, so {@code ℓ} is continuously differentiable; its
 * second derivative jumps there.
 *
 * <p><b>Settings.</b> {@value #DELTA} {@code δ}: default {@value #DEFAULT_DELTA}, valid range
 * {@code (0, ∞)}, finite. Immutable and thread-safe; equal settings make equal losses.
 */
public final class Huber extends ConfiguredPlugin implements ElementwiseLoss {

    /** This loss's id. */
    public static final PluginId ID = PluginId.of("huber");
    /** The name of the threshold δ between the quadratic and the linear piece. */
    public static final String DELTA = "delta";
    /** The default threshold δ. */
    public static final double DEFAULT_DELTA = 1.0;

    private static final Settings SETTINGS = Settings.of(ID,
            Setting.number(DELTA, DEFAULT_DELTA, "δ, where the quadratic piece turns linear").above(0));

    private final double delta = number(DELTA);

    /** The Huber loss with {@code δ = 1}. */
    public Huber() {
        this(DEFAULT_DELTA);
    }

    /**
     * The Huber loss with threshold {@code δ}.
     *
     * @param delta the threshold δ between the quadratic and the linear piece
     * @throws InvalidHyperparameterException unless {@code δ} is finite and {@code > 0}
     */
    public Huber(double delta) {
        this(Hyperparameters.of(DELTA, delta));
    }

    private Huber(Hyperparameters values) {
        super(SETTINGS, values);
    }

    /** The threshold δ. */
    public double delta() {
        return delta;
    }

    /**
     * A copy with {@value #DELTA} taken from {@code hyperparameters} (this one's value if absent).
     *
     * @throws InvalidHyperparameterException on a name other than {@value #DELTA}, or a δ that is not
     *                                        {@code > 0}
     */
    @Override
    public Huber withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Huber::new);
    }

    /** {@code ½e²} for {@code |e| ≤ δ}, else {@code δ(|e| − ½δ)}, with {@code e = p − y}. */
    @Override
    public double value(double predicted, double target) {
        double error = Math.abs(predicted - target);
        return error <= delta ? 0.5 * error * error : delta * (error - 0.5 * delta);
    }

    /** {@code e} clamped to {@code [−δ, δ]}, with {@code e = p − y}. */
    @Override
    public double derivative(double predicted, double target) {
        double error = predicted - target;
        return Math.max(-delta, Math.min(delta, error));
    }
}
