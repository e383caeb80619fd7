package dev.backprop.examples.options;

import dev.backprop.api.Hyperparameters;
import java.util.Objects;

/**
 * The settings given on the command line for the plugins of a run ({@code --activation-setting},
 * {@code --loss-setting}, {@code --optimizer-setting}), laid over each plugin's defaults.
 *
 * @param activation settings of the hidden layers' activation
 * @param loss       settings of the loss
 * @param optimizer  settings of the optimizer
 */
public record PluginSettings(Hyperparameters activation, Hyperparameters loss, Hyperparameters optimizer) {

    /** No setting given. */
    public static final PluginSettings NONE =
            new PluginSettings(Hyperparameters.none(), Hyperparameters.none(), Hyperparameters.none());

    /** Requires all three. */
    public PluginSettings {
        Objects.requireNonNull(activation, "activation settings");
        Objects.requireNonNull(loss, "loss settings");
        Objects.requireNonNull(optimizer, "optimizer settings");
    }
}
