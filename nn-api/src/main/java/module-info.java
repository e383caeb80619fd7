/**
 * Backprop's service-provider interfaces: activations, losses, optimizers and weight initialisers,
 * plus the small value types ({@link dev.backprop.api.PluginId}, {@link dev.backprop.api.Hyperparameters}),
 * the declaration of a plugin's settings ({@link dev.backprop.api.Setting}, {@link dev.backprop.api.Settings},
 * {@link dev.backprop.api.ConfiguredPlugin}) and the one exception family
 * ({@link dev.backprop.api.BackpropException}). Depends on {@code java.base} only.
 */
module dev.backprop.api {
    exports dev.backprop.api;
    exports dev.backprop.api.activation;
    exports dev.backprop.api.loss;
    exports dev.backprop.api.optimizer;
    exports dev.backprop.api.init;
}
