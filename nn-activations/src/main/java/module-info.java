/**
 * Backprop's built-in activation functions. Exported so that users can pass instances; core itself finds them by id through
 * {@link java.util.ServiceLoader} as {@link dev.backprop.api.activation.Activation} services.
 */
module dev.backprop.activations {
    requires dev.backprop.api;

    exports dev.backprop.activations;

    provides dev.backprop.api.activation.Activation with
            dev.backprop.activations.Identity,
            dev.backprop.activations.Relu,
            dev.backprop.activations.Sigmoid,
            dev.backprop.activations.Tanh;
}
