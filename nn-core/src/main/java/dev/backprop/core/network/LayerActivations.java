package dev.backprop.core.network;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.api.activation.Activation;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.List;
import java.util.Set;

/** Turns an activation id into a layer function: core's softmax, or an element-wise plugin from the registry. */
final class LayerActivations {

    private LayerActivations() {
    }

    static LayerActivation resolve(PluginRegistry registry, PluginId id, Hyperparameters hyperparameters) {
        if (Softmax.ID.equals(id)) {
            if (!hyperparameters.isEmpty()) {
                hyperparameters.requireKnownNames(id, Set.of());
            }
            return new Softmax();
        }
        try {
            return of(registry.activation(id, hyperparameters));
        } catch (UnknownPluginException e) {
            throw new UnknownPluginException(registry.unknownIdMessage(PluginKind.ACTIVATION, id, List.of(Softmax.ID)), e);
        }
    }

    /**
     * The layer function of {@code plugin}: core's softmax (as found by the registry or passed as an
     * instance) stays row-wise, so that the fused softmax + cross-entropy gradient still applies;
     * anything else is applied element by element.
     */
    static LayerActivation of(Activation plugin) {
        if (plugin instanceof Softmax softmax) {
            return softmax;
        }
        return new ElementwiseActivation(plugin);
    }
}
