package dev.backprop.core.network;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;

/** A plugin {@link Activation} applied element by element over the whole batch. */
final class ElementwiseActivation implements LayerActivation {

    private final Activation plugin;

    ElementwiseActivation(Activation plugin) {
        this.plugin = plugin;
    }

    @Override
    public PluginId id() {
        return plugin.id();
    }

    @Override
    public Hyperparameters hyperparameters() {
        return plugin.hyperparameters();
    }

    @Override
    public PluginId defaultInitializer() {
        return plugin.defaultInitializer();
    }

    @Override
    public void forward(float[] z, float[] a, int rowFrom, int rowTo, int width) {
        plugin.forward(z, a, rowFrom * width, rowTo * width);
    }

    @Override
    public void backward(float[] z, float[] a, float[] gradA, float[] gradZ, int rowFrom, int rowTo, int width) {
        plugin.backward(z, a, gradA, gradZ, rowFrom * width, rowTo * width);
    }
}
