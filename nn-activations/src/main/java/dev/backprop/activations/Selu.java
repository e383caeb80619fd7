package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The scaled exponential linear unit (Klambauer, Unterthiner, Mayr &amp; Hochreiter, 2017,
 * "Self-Normalizing Neural Networks"), id {@code selu}:
 * <pre>f(x) = λ·x if x &gt; 0, else λ·α·(e^x − 1),
 * f'(x) = λ if x &gt; 0, else λ·α·e^x,</pre>
 * with the paper's fixed constants {@code λ =} {@value #LAMBDA} and {@code α =} {@value #ALPHA}
 * (the values PyTorch and Keras use). With them, activations of a deep stack of fully connected
 * layers initialised with LeCun normal weights keep zero mean and unit variance. It has no settings.
 *
 * <p>The derivative jumps at 0 (from {@code λ·α ≈ 1.758} to {@code λ}); the left value
 * {@code λ·α} is used at {@code x = 0}. {@code e^x − 1} is evaluated with {@link Math#expm1}; the
 * derivative for {@code x ≤ 0} is computed from {@code x} as {@code λα·e^x}, not as {@code y + λα}
 * from the cached float output, which cancels as the output saturates at {@code −λα}. Both bulk loops work in
 * double and round once to float. NaN in gives NaN out in both passes.
 *
 * <p>Immutable and thread-safe. Its default initialiser is LeCun normal ({@code lecun_normal},
 * {@code N(0, 1/fan_in)}), the one self-normalisation assumes.
 */
public final class Selu implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("selu");
    /** The scale λ. */
    public static final double LAMBDA = 1.0507009873554805;
    /** The negative saturation α (before scaling by λ). */
    public static final double ALPHA = 1.6732632423543772;

    /** λ·α, the magnitude of the negative saturation value and the derivative at 0⁻. */
    private static final double LAMBDA_ALPHA = LAMBDA * ALPHA;

    /** SELU; it has no settings. */
    public Selu() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code λ·x} for {@code x > 0}, else {@code λα·expm1(x)}. */
    @Override
    public double value(double x) {
        return x > 0 ? LAMBDA * x : LAMBDA_ALPHA * Math.expm1(x);
    }

    /** λ for {@code x > 0}, else {@code λα·e^x}; {@code y} is not needed. */
    @Override
    public double derivative(double x, double y) {
        return x > 0 ? LAMBDA : LAMBDA_ALPHA * Math.exp(x);
    }

    /** LeCun normal, which self-normalisation assumes. */
    @Override
    public PluginId defaultInitializer() {
        return LECUN_NORMAL;
    }

    /** {@code out[i] = λ·z[i]} where {@code z[i] > 0}, else {@code λα·expm1(z[i])}. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double x = z[i];
            out[i] = (float) (x > 0 ? LAMBDA * x : LAMBDA_ALPHA * Math.expm1(x));
        }
    }

    /** {@code gradIn[i] = gradOut[i]·λ} where {@code z[i] > 0}, else {@code gradOut[i]·λα·e^z[i]}. */
    /**
     * Down to this {@code x}, the bulk backward uses {@code y + λα} of the float output (within 4·10⁻⁶
     * relative of λα·eˣ there); below, where the sum cancels, λα·eˣ itself.
     */
    static final float FROM_OUTPUT_DOWN_TO = -4f;

    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            float x = z[i];
            gradIn[i] = x > 0f ? (float) (gradOut[i] * LAMBDA)
                    : x >= FROM_OUTPUT_DOWN_TO ? gradOut[i] * (a[i] + (float) LAMBDA_ALPHA)
                    : (float) (gradOut[i] * (LAMBDA_ALPHA * Math.exp(x)));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selu;
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
