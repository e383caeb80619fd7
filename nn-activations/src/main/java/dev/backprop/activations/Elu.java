package dev.backprop.activations;

import dev.backprop.api.ConfiguredPlugin;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.Setting;
import dev.backprop.api.Settings;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The exponential linear unit (Clevert, Unterthiner &amp; Hochreiter, 2016), id {@code elu}:
 * <pre>f(x) = x if x &gt; 0, else α·(e^x − 1),
 * f'(x) = 1 if x &gt; 0, else α·e^x.</pre>
 * Negative inputs saturate smoothly at {@code −α}, which pushes mean activations towards zero.
 *
 * <p>Setting: {@value #ALPHA} {@code α} (default 1.0, valid range {@code (0, 3.4028235E38]}, that is
 * any positive float). With the default α = 1 the function and its derivative are continuous at 0;
 * for other α the derivative jumps there and the value α (the left limit) is used at {@code x = 0}.
 *
 * <p><b>Precision.</b> {@code e^x − 1} is evaluated with {@link Math#expm1}, which keeps full
 * relative precision for small {@code |x|} where {@code exp(x) − 1} would cancel. The derivative
 * for {@code x ≤ 0} is computed from {@code x} as {@code α·e^x}, not as {@code y + α} from the cached
 * float output: that sum cancels as the output saturates at {@code −α} (3·10⁻⁵ relative at
 * x ≈ −7, and 0 instead of 2·10⁻⁹ at x = −20). Both bulk loops work in double and round once to
 * float. NaN in gives NaN out in both passes.
 *
 * <p>Immutable and thread-safe. Its default initialiser is Glorot uniform.
 */
public final class Elu extends ConfiguredPlugin implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("elu");
    /** The name of α, the magnitude of the negative saturation value. */
    public static final String ALPHA = "alpha";
    /** The default α. */
    public static final double DEFAULT_ALPHA = 1.0;

    private static final Settings SETTINGS = Settings.of(ID,
            Setting.number(ALPHA, DEFAULT_ALPHA, "α, the magnitude of the negative saturation value")
                    .above(0).atMost(Float.MAX_VALUE));

    private final double alpha = number(ALPHA);

    /** ELU with α = 1. */
    public Elu() {
        this(DEFAULT_ALPHA);
    }

    /**
     * ELU saturating at {@code −α} for large negative inputs.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException unless {@code 0 < α ≤ Float.MAX_VALUE}
     */
    public Elu(double alpha) {
        this(Hyperparameters.of(ALPHA, alpha));
    }

    private Elu(Hyperparameters values) {
        super(SETTINGS, values);
    }

    /** The saturation magnitude α. */
    public double alpha() {
        return alpha;
    }

    @Override
    public Elu withHyperparameters(Hyperparameters hyperparameters) {
        return SETTINGS.apply(this, hyperparameters, Elu::new);
    }

    /** {@code x} for {@code x > 0}, else {@code α·expm1(x)}. */
    @Override
    public double value(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    /** 1 for {@code x > 0}, else {@code α·e^x}; {@code y} is not needed. */
    @Override
    public double derivative(double x, double y) {
        return x > 0 ? 1.0 : alpha * Math.exp(x);
    }

    /** {@code out[i] = z[i]} where {@code z[i] > 0}, else {@code α·expm1(z[i])}. */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        double a = alpha;
        for (int i = from; i < to; i++) {
            float x = z[i];
            out[i] = x > 0f ? x : (float) (a * Math.expm1(x));
        }
    }

    /** {@code gradIn[i] = gradOut[i]} where {@code z[i] > 0}, else {@code gradOut[i]·α·e^z[i]}. */
    /**
     * Down to this {@code x}, the bulk backward uses {@code y + α} of the float output (within 4·10⁻⁶
     * relative of α·eˣ there); below, where {@code y} nears {@code −α} and the sum cancels, α·eˣ itself.
     */
    static final float FROM_OUTPUT_DOWN_TO = -4f;

    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        double saturation = alpha;
        float alphaFloat = (float) alpha;
        for (int i = from; i < to; i++) {
            float g = gradOut[i];
            float x = z[i];
            gradIn[i] = x > 0f ? g : x >= FROM_OUTPUT_DOWN_TO ? g * (a[i] + alphaFloat)
                    : (float) (g * (saturation * Math.exp(x)));
        }
    }
}
