package dev.backprop.core.network;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;

/**
 * The function a dense layer applies to its pre-activations, seen row by row: either an element-wise
 * plugin ({@link ElementwiseActivation}) or core's row-wise {@link Softmax}. Forward and backward
 * work on {@code rows × width} row-major arrays and may run in place ({@code gradZ == gradA}).
 */
interface LayerActivation {

    PluginId id();

    Hyperparameters hyperparameters();

    /** The initialiser used when the layer names none. */
    PluginId defaultInitializer();

    /** {@code a = f(z)} for rows {@code [rowFrom, rowTo)}. */
    void forward(float[] z, float[] a, int rowFrom, int rowTo, int width);

    /** {@code gradZ = (∂a/∂z)ᵀ · gradA} for rows {@code [rowFrom, rowTo)}. */
    void backward(float[] z, float[] a, float[] gradA, float[] gradZ, int rowFrom, int rowTo, int width);
}
