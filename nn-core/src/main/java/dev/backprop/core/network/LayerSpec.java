package dev.backprop.core.network;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.PluginId;
import java.util.Objects;
import java.util.Optional;

/**
 * One dense layer as pure data: its width (number of neurons), the id and settings of its
 * activation, and optionally the id of its weight initialiser (absent: the activation's default).
 *
 * @param width                     the number of outputs, at least 1
 * @param activation                the activation's id ({@code sigmoid}, {@code softmax}, {@code acme.swish})
 * @param activationHyperparameters settings applied on top of the activation's defaults
 * @param initializer               the weight initialiser's id, or {@code null} for the activation's default
 * @param initializerHyperparameters settings of the initialiser (for example {@code constant}'s {@code value})
 * @param penalty                   L1/L2 penalties on the layer's weights
 * @param dropout                   the fraction of this layer's outputs dropped during training (inverted
 *                                  dropout: the kept ones are scaled by {@code 1/(1 − dropout)}; nothing is
 *                                  dropped at inference), in {@code [0, 1)}; never on the output layer
 */
public record LayerSpec(int width, PluginId activation, Hyperparameters activationHyperparameters,
                        PluginId initializer, Hyperparameters initializerHyperparameters, WeightPenalty penalty,
                        double dropout) {

    /** Validates the width and requires the ids. */
    public LayerSpec {
        if (width < 1) {
            throw new InvalidConfigurationException("A dense layer needs at least 1 neuron but was given width "
                    + width + ": use dense(n, ...) with n >= 1.");
        }
        Objects.requireNonNull(activation, "activation id");
        Objects.requireNonNull(activationHyperparameters, "activation hyperparameters");
        Objects.requireNonNull(initializerHyperparameters, "initializer hyperparameters");
        Objects.requireNonNull(penalty, "weight penalty");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new InvalidConfigurationException("A dropout rate is the fraction of outputs dropped and must lie in"
                    + " [0, 1), but was " + dropout + ": for example dropout(0.2).");
        }
    }

    /** A layer without dropout. */
    public LayerSpec(int width, PluginId activation, Hyperparameters activationHyperparameters, PluginId initializer,
                     Hyperparameters initializerHyperparameters, WeightPenalty penalty) {
        this(width, activation, activationHyperparameters, initializer, initializerHyperparameters, penalty, 0);
    }

    /** A layer without weight penalties. */
    public LayerSpec(int width, PluginId activation, Hyperparameters activationHyperparameters, PluginId initializer,
                     Hyperparameters initializerHyperparameters) {
        this(width, activation, activationHyperparameters, initializer, initializerHyperparameters,
                WeightPenalty.none());
    }

    /** A layer without weight penalties whose initialiser (if any) has its default settings. */
    public LayerSpec(int width, PluginId activation, Hyperparameters activationHyperparameters, PluginId initializer) {
        this(width, activation, activationHyperparameters, initializer, Hyperparameters.none());
    }

    /** A copy with initialiser {@code id} and its {@code settings}. */
    public LayerSpec withInitializer(PluginId id, Hyperparameters settings) {
        return new LayerSpec(width, activation, activationHyperparameters, id, settings, penalty, dropout);
    }

    /** A copy with {@code newPenalty}. */
    public LayerSpec withPenalty(WeightPenalty newPenalty) {
        return new LayerSpec(width, activation, activationHyperparameters, initializer, initializerHyperparameters,
                newPenalty, dropout);
    }

    /** A copy with dropout {@code rate} on this layer's outputs. */
    public LayerSpec withDropout(double rate) {
        return new LayerSpec(width, activation, activationHyperparameters, initializer, initializerHyperparameters,
                penalty, rate);
    }

    /** The initialiser named for this layer, if any. */
    public Optional<PluginId> explicitInitializer() {
        return Optional.ofNullable(initializer);
    }
}
