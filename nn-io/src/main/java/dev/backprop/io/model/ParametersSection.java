package dev.backprop.io.model;

import dev.backprop.core.network.Parameter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The weights and biases in a model file: a count, then per tensor its name, rows, columns and
 * {@code rows × columns} floats, row-major. Reading compares every declared shape with the
 * architecture read before it, and every size (computed in {@code long}) with what a Java array holds
 * and what the file has left, before allocating anything.
 */
final class ParametersSection {

    /** The layer widths a message lists before it only counts them. */
    private static final int WIDTHS_SHOWN = 6;

    private ParametersSection() {
    }

    /** Writes {@code parameters} in order. */
    static void write(List<Parameter> parameters, ModelOutput out) throws IOException {
        out.writeInt(parameters.size());
        for (Parameter parameter : parameters) {
            out.writeUtf(parameter.name());
            out.writeInt(parameter.rows());
            out.writeInt(parameter.columns());
            out.writeFloats(parameter.values(), parameter.rows() * parameter.columns());
        }
    }

    /**
     * Reads the tensors that {@code architecture} declares.
     *
     * @throws ModelFormatException before allocating, when the architecture needs an impossible number of
     *                              values or more bytes than the file has left, or a tensor's count or
     *                              shape differs from what the architecture declares
     */
    static List<Parameter> read(ModelInput in, ArchitectureSection.Raw architecture) throws IOException {
        List<ArchitectureSection.TensorShape> expected = architecture.tensorShapes();
        long values = 0;
        for (ArchitectureSection.TensorShape shape : expected) {
            in.requireArraySize(shape.size(), "its architecture's tensor " + shape);
            values = Math.min(values + shape.size(), Long.MAX_VALUE / Float.BYTES);   // saturates, never wraps
        }
        in.requireRemaining(values * Float.BYTES, "the " + values + " weights and biases its architecture ("
                + widths(architecture) + ") declares");
        int count = in.readCount("the parameter count", 0, 2 * ModelLimits.MAX_LAYERS);
        if (!expected.isEmpty() && count != expected.size()) {
            throw in.unreadable("it holds " + count + " parameter tensors but its architecture ("
                    + architecture.layers().size() + " layers) needs " + expected.size()
                    + " (weights and biases per layer)", "save the model again.");
        }
        List<Parameter> parameters = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = in.readUtf("the name of parameter " + (i + 1));
            int rows = in.readCount("the row count of parameter '" + name + "'");
            int columns = in.readCount("the column count of parameter '" + name + "'");
            String tensor = "parameter '" + name + "' (" + rows + " × " + columns + ")";
            if (!expected.isEmpty() && (rows != expected.get(i).rows() || columns != expected.get(i).columns())) {
                throw in.unreadable("it holds parameter " + (i + 1) + " as '" + name + "' " + rows + " × " + columns
                        + " but its architecture expects " + expected.get(i) + " (the layer's fan-in × width)",
                        "save the model again.");
            }
            long size = (long) rows * columns;
            in.requireArraySize(size, tensor);
            in.requireRemaining(size * Float.BYTES, tensor);
            float[] tensorValues = new float[(int) size];
            in.readFloats(tensorValues, "the values of parameter '" + name + "'");
            parameters.add(new Parameter(name, rows, columns, tensorValues));
        }
        return parameters;
    }

    /** {@code 16-1000000-10}: the input width, then each layer's (the first {@value #WIDTHS_SHOWN}, then a count). */
    private static String widths(ArchitectureSection.Raw architecture) {
        StringBuilder text = new StringBuilder().append(architecture.inputWidth());
        List<ArchitectureSection.RawLayer> layers = architecture.layers();
        for (int i = 0; i < Math.min(layers.size(), WIDTHS_SHOWN); i++) {
            text.append('-').append(layers.get(i).width());
        }
        if (layers.size() > WIDTHS_SHOWN) {
            text.append("-… (").append(layers.size()).append(" layers)");
        }
        return text.toString();
    }

    /**
     * The tensors of a file written before version 4 under the names networks use now: those files
     * named them {@code layer1.weights}, {@code layer1.biases}, ...; networks name them like Keras,
     * {@code dense_1.weight}, {@code dense_1.bias}, ...
     */
    static List<Parameter> withCurrentNames(List<Parameter> stored) {
        List<Parameter> renamed = new ArrayList<>();
        for (Parameter parameter : stored) {
            Matcher old = LEGACY_NAME.matcher(parameter.name());
            String name = parameter.name();
            if (old.matches()) {
                int layer = Integer.parseInt(old.group(1));
                name = old.group(2).equals("weights") ? Parameter.weightName(layer) : Parameter.biasName(layer);
            }
            renamed.add(new Parameter(name, parameter.rows(), parameter.columns(), parameter.values()));
        }
        return renamed;
    }

    private static final Pattern LEGACY_NAME = Pattern.compile("layer([1-9][0-9]{0,8})\\.(weights|biases)");
}
