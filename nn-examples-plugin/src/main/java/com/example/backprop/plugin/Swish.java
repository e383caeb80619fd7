package com.example.backprop.plugin;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.activation.ScalarActivation;

/**
 * Swish (Ramachandran, Zoph &amp; Le, 2017), id {@code example.swish}: a third-party activation that
 * depends on {@code nn-api} only.
 * <pre>f(x) = x·σ(βx),
 * f'(x) = σ(βx) + βx·σ(βx)·(1 − σ(βx)) = βy + σ(βx)·(1 − βy)   where y = f(x).</pre>
 *
 * <p>Setting: {@value #BETA} {@code β} (default 1.0, which is SiLU; must be a positive finite number),
 * declared once in {@link Settings}: {@link ConfiguredPlugin} checks it, reports it and derives
 * {@code equals}, {@code hashCode} and {@code toString}. The id is namespaced ({@code example.})
 * because bare ids are reserved for Backprop's built-ins.
 *
 * <p>σ is evaluated without overflow for both signs of its argument. Immutable and thread-safe.
 */
public final class Swish extends ConfiguredPlugin implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("example.swish");
    /** The name of β, the slope inside the sigmoid. */
    public static final String BETA = "beta";
    /** The default β. */
    public static final double DEFAULT_BETA = 1.0;

    private static final Settings SETTINGS = Settings.of(ID,
            Setting.number(BETA, DEFAULT_BETA, "β, the slope inside the sigmoid (1: SiLU)").above(0));

    private final double beta = number(BETA);

    /** Swish with β = 1 (the public no-argument constructor ServiceLoader needs). */
    public Swish() {
        this(DEFAULT_BETA);
    }

    /**
     * Swish with slope {@code beta}.
     *
     * @throws InvalidHyperparameterException unless {@code beta} is positive and finite
     */
    public Swish(double beta) {
        this(Hyperparameters.of(BETA, beta));
    }

    private Swish(Hyperparameters values) {
        super(SETTINGS, values);
    }

    /** The slope β. */
    public double beta() {
        return beta;
    }

    @Override
    public Swish withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Swish::new);
    }

    /** {@code x·σ(βx)}. */
    @Override
    public double value(double x) {
        return x * sigmoid(beta * x);
    }

    /** {@code σ(βx) + βx·σ(βx)·(1 − σ(βx))}. */
    @Override
    public double derivative(double x, double y) {
        double s = sigmoid(beta * x);
        return s + beta * x * s * (1 - s);
    }

    /** Swish's default initialiser is He normal, as for the ReLU family it resembles. */
    @Override
    public PluginId defaultInitializer() {
        return HE_NORMAL;
    }

    private static double sigmoid(double t) {
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1 + e);
    }
}
