package dev.backprop.api.activation;

/**
 * The easy way to write an activation: give {@link #value} and {@link #derivative} in double
 * precision and inherit the bulk loops. A third-party plugin needs nothing else but {@link #id()}.
 *
 * <pre>{@code
 * public final class Swish implements ScalarActivation {
 *     public PluginId id() { return PluginId.of("acme.swish"); }
 *     public double value(double x) { return x / (1 + Math.exp(-x)); }
 *     public double derivative(double x, double y) {
 *         double s = 1 / (1 + Math.exp(-x));
 *         return s + y * (1 - s);
 *     }
 * }
 * }</pre>
 *
 * Built-ins implement this too (so they can be checked as scalars) and override the bulk methods
 * with fast loops. Implementations are immutable and thread-safe.
 */
public interface ScalarActivation extends Activation {

    /** {@code f(x)}. */
    double value(double x);

    /**
     * {@code f'(x)}, given {@code y = f(x)}. Compute it from {@code x} where the form in {@code y} cancels:
     * {@code y} arrives rounded to float32, so tanh's {@code 1 − y²} or sigmoid's {@code y(1 − y)} lose
     * every digit once the output saturates (tanh: use {@code 1/cosh²x}; the test kit's tail check finds it).
     */
    double derivative(double x, double y);

    @Override
    default void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = (float) value(z[i]);
        }
    }

    @Override
    default void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            gradIn[i] = (float) (gradOut[i] * derivative(z[i], a[i]));
        }
    }
}
