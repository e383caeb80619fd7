package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The Gaussian error linear unit in its tanh approximation (Hendrycks &amp; Gimpel, 2016; PyTorch's
 * {@code gelu(approximate='tanh')}, used by BERT and GPT-2), id {@code gelu}:
 * <pre>f(x) = ½·x·(1 + tanh(u)),    u = k·(x + c·x³),    k = √(2/π),  c = 0.044715,
 * f'(x) = ½·(1 + tanh(u)) + ½·x·(1 − tanh²(u))·k·(1 + 3c·x²).</pre>
 * The derivative is the exact derivative of this approximation (not of the erf-based GELU it
 * approximates), so gradients match the forward pass.
 *
 * <p><b>Stability.</b> Since {@code ½·(1 + tanh(u)) = σ(2u)} and {@code ½·(1 − tanh²(u)) =
 * 2·σ(2u)·(1 − σ(2u))}, both are evaluated through the logistic sigmoid in its overflow-free form
 * (see {@link Sigmoid}):
 * <pre>f(x) = x·s,    f'(x) = s + 2k·x·s·(1 − s)·(1 + 3c·x²),    s = σ(2u).</pre>
 * The textbook {@code 1 + tanh(u)} cancels to 0 for {@code u < −19} and loses the small negative
 * tail ({@code f(−8) ≈ −3.1e−21}); {@code σ(2u)} keeps it, and {@code 1 − s} is computed directly
 * rather than by subtraction. Nothing overflows for finite float input: {@code x³} of the largest
 * float is about 4e115, far inside double range. NaN in gives NaN out in both passes; {@code −∞}
 * gives NaN ({@code −∞·0}).
 *
 * <p>Both bulk loops evaluate the same double expressions as {@link #value} and {@link #derivative}
 * and round once to float. Immutable and thread-safe. Its default initialiser is Glorot uniform.
 */
public final class Gelu implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("gelu");

    /** k = √(2/π). */
    private static final double K = Math.sqrt(2.0 / Math.PI);
    /** 2k, the factor of the sigmoid's argument 2u = 2k·(x + c·x³). */
    private static final double TWO_K = 2.0 * K;
    /** c, the cubic coefficient of the approximation. */
    private static final double C = 0.044715;
    /** 3c, the coefficient of x² in du/dx. */
    private static final double THREE_C = 3.0 * C;

    /** GELU (tanh approximation); it has no settings. */
    public Gelu() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code ½·x·(1 + tanh(k·(x + c·x³)))}, evaluated as {@code x·σ(2u)}. */
    @Override
    public double value(double x) {
        return gelu(x);
    }

    /** {@code s + 2k·x·s·(1 − s)·(1 + 3c·x²)} with {@code s = σ(2k·(x + c·x³))}; {@code y} is not needed. */
    @Override
    public double derivative(double x, double y) {
        return geluDerivative(x);
    }

    /** {@code out[i] = gelu(z[i])}, computed in double and rounded once to float. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (float) gelu(z[i]);
        }
    }

    /** {@code gradIn[i] = gradOut[i]·gelu'(z[i])}, computed in double and rounded once to float. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            gradIn[i] = (float) (gradOut[i] * geluDerivative(z[i]));
        }
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

    @Override
    public boolean equals(Object o) {
        return o instanceof Gelu;
    }

    @Override
    public int hashCode() {
        return ID.hashCode();
    }

    @Override
    public String toString() {
        return ID.value();
    }
}
