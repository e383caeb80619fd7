package dev.backprop.activations;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The Gaussian error linear unit (Hendrycks &amp; Gimpel, 2016), id {@code gelu}, with the setting
 * {@value #APPROXIMATE}:
 * <ul>
 * <li>{@value #NONE} (the default, as in PyTorch and Keras): the exact form with the normal
 * distribution function {@code Φ},
 * <pre>f(x) = x·Φ(x),    f'(x) = Φ(x) + x·φ(x),    Φ(x) = ½·erfc(−x/√2),  φ(x) = e^(−x²/2)/√(2π).</pre>
 * {@code erfc} is W. J. Cody's rational approximation (relative error about 1e−16), taken as
 * {@code ½·erfc(|x|/√2)} for negative {@code x} so that the tail keeps full relative precision
 * ({@code f(−7) ≈ −8.96e−12}) instead of cancelling in {@code 1 + erf}, and as
 * {@code 1 − ½·erfc(x/√2)} for positive {@code x}. For negative {@code x} the two terms of
 * {@code f'} have opposite signs but differ by a factor about {@code x²}, so they never cancel badly.
 * Beyond {@code |x| ≈ 37} both {@code Φ} (or {@code 1 − Φ}) and {@code φ} underflow in double and the
 * results are exactly {@code x} and 1, or {@code −0} and {@code −0}.</li>
 * <li>{@value #TANH}: PyTorch's {@code gelu(approximate='tanh')}, used by BERT and GPT-2,
 * <pre>f(x) = ½·x·(1 + tanh(u)),    u = k·(x + c·x³),    k = √(2/π),  c = 0.044715,
 * f'(x) = ½·(1 + tanh(u)) + ½·x·(1 − tanh²(u))·k·(1 + 3c·x²),</pre>
 * the exact derivative of the approximation, so gradients match the forward pass. Since
 * {@code ½·(1 + tanh(u)) = σ(2u)} and {@code ½·(1 − tanh²(u)) = 2·σ(2u)·(1 − σ(2u))}, both are
 * evaluated through the logistic sigmoid in its overflow-free form (see {@link Sigmoid}):
 * {@code f(x) = x·s}, {@code f'(x) = s + 2k·x·s·(1 − s)·(1 + 3c·x²)}, {@code s = σ(2u)}. The
 * textbook {@code 1 + tanh(u)} would cancel to 0 for {@code u < −19}.</li>
 * </ul>
 * Until this setting existed {@code gelu} meant the tanh form; write
 * {@code gelu} with {@code approximate=tanh} for the old behaviour.
 *
 * <p>Both derivatives are computed from {@code x}; the forward output is not needed. Nothing
 * overflows for finite float input. NaN in gives NaN out in both passes; {@code −∞} gives NaN
 * ({@code −∞·0}). Both bulk loops evaluate the same double expressions as {@link #value} and
 * {@link #derivative} and round once to float. Immutable and thread-safe. Its default initialiser is
 * Glorot uniform.
 */
public final class Gelu extends ConfiguredPlugin implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("gelu");
    /** The name of the text setting that chooses the exact form or the tanh approximation. */
    public static final String APPROXIMATE = "approximate";
    /** The exact erf form, the default. */
    public static final String NONE = "none";
    /** The tanh approximation. */
    public static final String TANH = "tanh";

    private static final Settings SETTINGS = Settings.of(ID,
            Setting.choice(APPROXIMATE, NONE, "none: the exact x·Φ(x) with erf (the default, as in PyTorch and"
                    + " Keras); tanh: the tanh approximation of BERT and GPT-2", NONE, TANH));

    /** 1/√2, the scale of erf's argument. */
    private static final double ONE_OVER_SQRT2 = 1.0 / Math.sqrt(2.0);
    /** 1/√(2π), the normal density's factor. */
    private static final double ONE_OVER_SQRT_2PI = 1.0 / Math.sqrt(2.0 * Math.PI);

    /** k = √(2/π). */
    private static final double K = Math.sqrt(2.0 / Math.PI);
    /** 2k, the factor of the sigmoid's argument 2u = 2k·(x + c·x³). */
    private static final double TWO_K = 2.0 * K;
    /** c, the cubic coefficient of the approximation. */
    private static final double C = 0.044715;
    /** 3c, the coefficient of x² in du/dx. */
    private static final double THREE_C = 3.0 * C;

    private final boolean tanh = text(APPROXIMATE).equals(TANH);

    /** The exact GELU ({@value #APPROXIMATE} = {@value #NONE}). */
    public Gelu() {
        this(Hyperparameters.none());
    }

    /**
     * GELU with {@value #APPROXIMATE} = {@code approximate}.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless it is {@value #NONE} or {@value #TANH}
     */
    public Gelu(String approximate) {
        this(Hyperparameters.of(APPROXIMATE, approximate));
    }

    private Gelu(Hyperparameters values) {
        super(SETTINGS, values);
    }

    /** Whether this is the tanh approximation rather than the exact erf form. */
    public boolean isTanhApproximation() {
        return tanh;
    }

    @Override
    public Gelu withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Gelu::new);
    }

    /** {@code x·Φ(x)}, or {@code ½·x·(1 + tanh(k·(x + c·x³)))} evaluated as {@code x·σ(2u)}. */
    @Override
    public double value(double x) {
        return tanh ? gelu(x) : exactGelu(x);
    }

    /** {@code Φ(x) + x·φ(x)}, or {@code s + 2k·x·s·(1 − s)·(1 + 3c·x²)}; {@code y} is not needed. */
    @Override
    public double derivative(double x, double y) {
        return tanh ? geluDerivative(x) : exactGeluDerivative(x);
    }

    /** {@code out[i] = gelu(z[i])}, computed in double and rounded once to float. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        if (tanh) {
            for (int i = from; i < to; i++) {
                out[i] = (float) gelu(z[i]);
            }
        } else {
            for (int i = from; i < to; i++) {
                out[i] = (float) exactGelu(z[i]);
            }
        }
    }

    /** {@code gradIn[i] = gradOut[i]·gelu'(z[i])}, computed in double and rounded once to float. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        if (tanh) {
            for (int i = from; i < to; i++) {
                gradIn[i] = (float) (gradOut[i] * geluDerivative(z[i]));
            }
        } else {
            for (int i = from; i < to; i++) {
                gradIn[i] = (float) (gradOut[i] * exactGeluDerivative(z[i]));
            }
        }
    }

    /** {@code Φ(x)}, with full relative precision in the lower tail. */
    static double normalCdf(double x) {
        return x < 0 ? 0.5 * Erf.erfc(-x * ONE_OVER_SQRT2) : 1.0 - 0.5 * Erf.erfc(x * ONE_OVER_SQRT2);
    }

    private static double exactGelu(double x) {
        return x * normalCdf(x);
    }

    private static double exactGeluDerivative(double x) {
        return normalCdf(x) + x * ONE_OVER_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    private static double gelu(double x) {
        return x * StableSigmoid.sigmoid(TWO_K * (x + C * x * x * x));
    }

    private static double geluDerivative(double x) {
        double x2 = x * x;
        double t = TWO_K * (x + C * x2 * x);
        double e = Math.exp(-Math.abs(t));
        double p = 1.0 / (1.0 + e);
        double s = t >= 0 ? p : e * p;
        double oneMinusS = t >= 0 ? e * p : p;
        return s + TWO_K * x * s * oneMinusS * (1.0 + THREE_C * x2);
    }
}
