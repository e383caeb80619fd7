/**
 * Backprop's built-in activation functions. Exported so that users can pass instances; core itself finds them by id through
 * {@link java.util.ServiceLoader} as {@link dev.backprop.api.activation.Activation} services.
 */
module dev.backprop.activations {
    requires transitive dev.backprop.api;

    exports dev.backprop.activations;

    provides dev.backprop.api.activation.Activation with
            dev.backprop.activations.Elu,
            dev.backprop.activations.Gelu,
            dev.backprop.activations.HardSigmoid,
            dev.backprop.activations.HardTanh,
            dev.backprop.activations.Identity,
            dev.backprop.activations.LeakyRelu,
            dev.backprop.activations.Mish,
            dev.backprop.activations.Relu,
            dev.backprop.activations.Relu6,
            dev.backprop.activations.Selu,
            dev.backprop.activations.Sigmoid,
            dev.backprop.activations.Silu,
            dev.backprop.activations.Softplus,
            dev.backprop.activations.Softsign,
            dev.backprop.activations.Tanh;
}
