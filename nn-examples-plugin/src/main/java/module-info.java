/** A third-party activation plugin for Backprop: {@code example.swish}. */
module com.example.backprop.plugin {
    requires dev.backprop.api;

    provides dev.backprop.api.activation.Activation with com.example.backprop.plugin.Swish;
}
