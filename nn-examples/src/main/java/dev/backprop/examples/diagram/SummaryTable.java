package dev.backprop.examples.diagram;

import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Keras-style table of a network: one row per dense layer (name, activation, output width, weights,
 * biases, trainable parameters), the input width above and the total below. The counts come from the
 * architecture alone, so a configuration and a saved model of the same shape give the same table.
 */
final class SummaryTable {

    private static final String ROW = "%-10s %-22s %8s %14s %8s %14s";

    private final NetworkSpec spec;

    SummaryTable(NetworkSpec spec) {
        this.spec = spec;
    }

    /** The table's lines, without line ends. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        String header = String.format(Locale.ROOT, ROW, "Layer", "Activation", "Output", "Weights", "Biases", "Params");
        String rule = "-".repeat(header.length());
        lines.add(header);
        lines.add(rule);
        lines.add(String.format(Locale.ROOT, ROW, "input", "", count(spec.inputWidth()), "", "", count(0)));
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            long weights = (long) spec.fanIn(i) * layer.width();
            String name = Parameter.weightName(i + 1).replace(".weight", "");
            lines.add(String.format(Locale.ROOT, ROW, name, layer.activation().value(), count(layer.width()),
                    count(weights), count(layer.width()), count(weights + layer.width())));
        }
        lines.add("=".repeat(header.length()));
        lines.add("Total trainable parameters: " + count(spec.parameterCount()));
        lines.add("Input width: " + count(spec.inputWidth()) + ", output width: " + count(spec.outputWidth())
                + ", dense layers: " + spec.layers().size());
        return lines;
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
