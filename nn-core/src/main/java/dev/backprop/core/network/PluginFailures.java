package dev.backprop.core.network;

import dev.backprop.api.Plugin;
import dev.backprop.api.PluginFailedException;
import dev.backprop.core.text.RootCause;

/**
 * The one-line errors for a plugin that threw during a pass: which plugin, where (layer, forward or
 * backward), the root cause, and what to do. The original exception stays attached as the cause.
 */
final class PluginFailures {

    private PluginFailures() {
    }

    /** A layer's activation threw in {@code pass} ("forward pass (value)", "backward pass (derivative)"). */
    static PluginFailedException activation(DenseLayer layer, String pass, RuntimeException failure) {
        String id = layer.activation().id().toString();
        return new PluginFailedException(id, "The activation '" + id + "' of " + layerName(layer) + " threw in its "
                + pass + ": " + RootCause.describe(failure) + ". Fix the plugin, or choose another"
                + " activation (the plugins command lists them).", failure);
    }

    /** A loss or an optimizer threw while {@code doing} ("computing the loss and ∂E/∂outputs", "updating dense_1.weight"). */
    static PluginFailedException plugin(String kind, Plugin plugin, String doing, RuntimeException failure) {
        String id = plugin.id().toString();
        return new PluginFailedException(id, "The " + kind + " '" + id + "' threw while " + doing + ": "
                + RootCause.describe(failure) + ". Fix the plugin, or choose another " + kind
                + " (the plugins command lists them).", failure);
    }

    /** {@code dense_2} for the second dense layer (its parameters' prefix). */
    static String layerName(DenseLayer layer) {
        String name = layer.weights().name();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
