package dev.backprop.io.model;

import dev.backprop.api.BackpropException;
import dev.backprop.api.PluginId;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.network.WeightPenalty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The architecture in a model file: the input width, then per layer its width, activation (id and
 * settings), initialiser (id, {@code ""} for the activation's default, and settings from version 2),
 * weight penalties and dropout (version 2 on). Reading keeps the values raw; {@link Raw#toSpec}
 * validates them once the checksum has passed, and {@link Raw#tensorShapes} tells the parameter
 * section which tensors to expect before it allocates any.
 */
final class ArchitectureSection {

    private ArchitectureSection() {
    }

    /** Writes {@code spec}. */
    static void write(NetworkSpec spec, ModelOutput out) throws IOException {
        out.writeInt(spec.inputWidth());
        out.writeInt(spec.layers().size());
        for (LayerSpec layer : spec.layers()) {
            out.writeInt(layer.width());
            out.writeUtf(layer.activation().value());
            HyperparametersSection.write(layer.activationHyperparameters(), out);
            out.writeUtf(layer.explicitInitializer().map(PluginId::value).orElse(""));
            HyperparametersSection.write(layer.initializerHyperparameters(), out);
            out.writeDouble(layer.penalty().l1());
            out.writeDouble(layer.penalty().l2());
            out.writeDouble(layer.dropout());
        }
    }

    /** Reads the architecture as stored. */
    static Raw read(ModelInput in, int version) throws IOException {
        int inputWidth = in.readInt("the input width");
        int count = in.readCount("the layer count", 1, ModelLimits.MAX_LAYERS);
        List<RawLayer> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String layer = "layer " + (i + 1);
            int width = in.readInt("the width of " + layer);
            String activation = in.readUtf("the activation id of " + layer);
            Map<String, Object> settings = HyperparametersSection.read(in, version, "the activation of " + layer);
            String initializer = in.readUtf("the initialiser id of " + layer);
            Map<String, Object> initializerSettings = Map.of();
            double l1 = 0;
            double l2 = 0;
            double dropout = 0;
            if (version >= 2) {
                initializerSettings = HyperparametersSection.read(in, version, "the initialiser of " + layer);
                l1 = in.readDouble("the L1 penalty of " + layer);
                l2 = in.readDouble("the L2 penalty of " + layer);
                dropout = in.readDouble("the dropout rate of " + layer);
            }
            layers.add(new RawLayer(width, activation, settings, initializer, initializerSettings, l1, l2, dropout));
        }
        return new Raw(inputWidth, layers);
    }

    /** A layer as stored, before its ids and settings are validated. */
    record RawLayer(int width, String activation, Map<String, Object> settings, String initializer,
                    Map<String, Object> initializerSettings, double l1, double l2, double dropout) {
    }

    /** The architecture as stored. */
    record Raw(int inputWidth, List<RawLayer> layers) {

        /**
         * The shape of every tensor the architecture needs, in file order (per layer: weights
         * {@code fanIn × width}, then biases {@code 1 × width}); empty when a width is below 1, which
         * {@link #toSpec} reports once the checksum has passed.
         */
        List<TensorShape> tensorShapes() {
            List<TensorShape> shapes = new ArrayList<>();
            int fanIn = inputWidth;
            for (int i = 0; i < layers.size(); i++) {
                int width = layers.get(i).width();
                if (fanIn < 1 || width < 1) {
                    return List.of();
                }
                shapes.add(new TensorShape(Parameter.weightName(i + 1), fanIn, width));
                shapes.add(new TensorShape(Parameter.biasName(i + 1), 1, width));
                fanIn = width;
            }
            return shapes;
        }

        /** The architecture, validated now that the checksum vouches for the bytes. */
        NetworkSpec toSpec(Path file) {
            String describing = "its architecture";
            try {
                List<LayerSpec> specs = new ArrayList<>();
                for (int i = 0; i < layers.size(); i++) {
                    RawLayer raw = layers.get(i);
                    describing = "layer " + (i + 1);
                    PluginId initializer = raw.initializer().isEmpty() ? null : PluginId.of(raw.initializer());
                    specs.add(new LayerSpec(raw.width(), PluginId.of(raw.activation()),
                            HyperparametersSection.toHyperparameters(raw.settings()), initializer,
                            HyperparametersSection.toHyperparameters(raw.initializerSettings()),
                            new WeightPenalty(raw.l1(), raw.l2()), raw.dropout()));
                }
                describing = "its architecture";
                return new NetworkSpec(inputWidth, specs);
            } catch (BackpropException e) {
                throw new ModelFormatException("Model file " + file + " passes its checksum but " + describing
                        + " is not valid: " + e.getMessage() + " It was not written by this Backprop's"
                        + " ModelFiles.save; save the model again.", e);
            }
        }
    }

    /**
     * The shape the architecture gives one tensor.
     *
     * @param name    the parameter's name, such as {@code dense_1.weight}
     * @param rows    fan-in for weights, 1 for biases
     * @param columns the layer's width
     */
    record TensorShape(String name, int rows, int columns) {

        /** The number of values, in {@code long} so that no product overflows. */
        long size() {
            return (long) rows * columns;
        }

        @Override
        public String toString() {
            return "'" + name + "' " + rows + " × " + columns;
        }
    }
}
