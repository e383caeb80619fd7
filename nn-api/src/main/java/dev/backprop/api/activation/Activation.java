package dev.backprop.api.activation;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.Plugin;
import dev.backprop.api.PluginId;

/**
 * An element-wise activation function {@code a = f(z)}: the service interface core calls.
 *
 * <p><b>Shapes.</b> Arrays hold a batch of pre-activations row-major ({@code batch × width}); because
 * the function is element-wise only the index range {@code [from, to)} matters.
 *
 * <p><b>Aliasing.</b> Arrays belong to the caller and must never be retained. {@code out} may be the
 * same array as {@code z} in {@link #forward}; {@code gradIn} may be the same array as
 * {@code gradOut} in {@link #backward}. Implementations must read an element before writing it.
 *
 * <p><b>Thread-safety.</b> Implementations are immutable; core calls them from several threads at
 * once on disjoint ranges.
 *
 * <p>Most authors implement {@link ScalarActivation} instead and write only {@code value} and
 * {@code derivative}. A row-wise function such as softmax is not an {@code Activation}; it is a
 * built-in of core.
 */
public interface Activation extends Plugin {

    /** Id of the Glorot/Xavier uniform initialiser, suited to sigmoid, tanh and identity. */
    PluginId GLOROT_UNIFORM = PluginId.of("glorot_uniform");
    /** Id of the He/Kaiming normal initialiser, suited to the ReLU family. */
    PluginId HE_NORMAL = PluginId.of("he_normal");
    /** Id of the LeCun normal initialiser, suited to SELU (self-normalising networks). */
    PluginId LECUN_NORMAL = PluginId.of("lecun_normal");

    /** {@code out[i] = f(z[i])} for {@code from <= i < to}. */
    void forward(float[] z, float[] out, int from, int to);

    /**
     * {@code gradIn[i] = gradOut[i] · f'(z[i])} for {@code from <= i < to}, where
     * {@code a[i] = f(z[i])} is the cached forward output so that {@code f'} may reuse it.
     */
    void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to);

    /**
     * The weight initialiser that suits this function when the user names none: Glorot for
     * saturating functions (the default), He for the ReLU family.
     */
    default PluginId defaultInitializer() {
        return GLOROT_UNIFORM;
    }

    /**
     * A copy with {@code hyperparameters} applied on top of the current ones. The default accepts only
     * values that change nothing ({@link dev.backprop.api.Settings#requireUnchanged}); a plugin with
     * settings overrides it, usually as {@code settings().apply(this, hyperparameters, YourPlugin::new)}.
     *
     * @throws dev.backprop.api.InvalidHyperparameterException on an unknown name, or a value of the wrong
     *                                                         kind, out of range or not among the choices
     */
    default Activation withHyperparameters(Hyperparameters hyperparameters) {
        return settings().requireUnchanged(this, hyperparameters);
    }
}
