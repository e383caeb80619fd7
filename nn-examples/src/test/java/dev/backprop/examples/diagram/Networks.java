package dev.backprop.examples.diagram;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import java.util.ArrayList;
import java.util.List;

/** Small architectures and networks with known weights for the diagram tests. */
final class Networks {

    private Networks() {
    }

    /** input, then dense layers of {@code widths} with {@code activation}, the last with {@code last}. */
    static NetworkSpec spec(int input, String activation, String last, int... widths) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < widths.length; i++) {
            String id = i == widths.length - 1 ? last : activation;
            layers.add(new LayerSpec(widths[i], PluginId.of(id), Hyperparameters.none(), null));
        }
        return new NetworkSpec(input, layers);
    }

    /** The 784-512-256-10 relu/softmax network of {@code ./backprop mnist}. */
    static NetworkSpec mnist() {
        return spec(784, "relu", "softmax", 512, 256, 10);
    }

    /**
     * A 2-2-1 sigmoid network whose dense_1 weights are [[0.5, -1], [0.25, 2]] (in by out), biases [-0.25, 0.75],
     * dense_2 weights [[-3], [1.5]], bias [0.125].
     */
    static Network twoTwoOne() {
        Network network = Network.builder().input(2).dense(2, "sigmoid").dense(1, "sigmoid").seed(1).build();
        network.parameter(Parameter.weightName(1)).write(new float[][] {{0.5f, -1f}, {0.25f, 2f}},
                Parameter.Orientation.IN_BY_OUT);
        network.parameter(Parameter.biasName(1)).write(new float[] {-0.25f, 0.75f});
        network.parameter(Parameter.weightName(2)).write(new float[][] {{-3f}, {1.5f}}, Parameter.Orientation.IN_BY_OUT);
        network.parameter(Parameter.biasName(2)).write(new float[] {0.125f});
        return network;
    }
}
