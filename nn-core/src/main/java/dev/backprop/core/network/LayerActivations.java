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

    static LayerActivation of(Activation plugin) {
        return new ElementwiseActivation(plugin);
    }
}
