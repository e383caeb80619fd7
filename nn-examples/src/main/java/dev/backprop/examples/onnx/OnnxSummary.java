package dev.backprop.examples.onnx;

import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;

/** The one-line description of a network that {@code export} and {@code import} print. */
final class OnnxSummary {

    private OnnxSummary() {
    }

    /** {@code 784-512:relu-10:softmax, 407050 parameters}. */
    static String describe(Network network) {
        StringBuilder text = new StringBuilder().append(network.spec().inputWidth());
        for (LayerSpec layer : network.spec().layers()) {
            text.append('-').append(layer.width()).append(':').append(layer.activation().value());
        }
        long parameters = 0;
        for (Parameter parameter : network.parameters()) {
            parameters += parameter.size();
        }
        return text.append(", ").append(parameters).append(" parameters").toString();
    }
}
