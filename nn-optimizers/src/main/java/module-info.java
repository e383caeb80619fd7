/**
 * Backprop's built-in optimizers. Exported so that users can pass instances; core itself finds them by id through
 * {@link java.util.ServiceLoader} as {@link dev.backprop.api.optimizer.Optimizer} services.
 */
module dev.backprop.optimizers {
    requires transitive dev.backprop.api;

    exports dev.backprop.optimizers;

    provides dev.backprop.api.optimizer.Optimizer with
            dev.backprop.optimizers.Adadelta,
            dev.backprop.optimizers.Adagrad,
            dev.backprop.optimizers.Adam,
            dev.backprop.optimizers.AdamW,
            dev.backprop.optimizers.Adamax,
            dev.backprop.optimizers.Momentum,
            dev.backprop.optimizers.Nadam,
            dev.backprop.optimizers.Nesterov,
            dev.backprop.optimizers.Rmsprop,
            dev.backprop.optimizers.Sgd;
}
