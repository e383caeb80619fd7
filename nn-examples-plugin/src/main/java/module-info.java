/**
 * Third-party plugins for Backprop, as an outsider writes them: the activation {@code example.swish},
 * the loss {@code example.pinball} and the optimizer {@code example.lion}.
 */
module com.example.backprop.plugin {
    requires dev.backprop.api;

    provides dev.backprop.api.activation.Activation with com.example.backprop.plugin.Swish;
    provides dev.backprop.api.loss.Loss with com.example.backprop.plugin.Pinball;
    provides dev.backprop.api.optimizer.Optimizer with com.example.backprop.plugin.Lion;
}
