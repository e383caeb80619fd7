package dev.backprop.examples.diagram;

import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * One real neuron as a {@link DiagramLayout}: its inputs x_i, each arrow labelled with its weight w_i, and
 * its bias b into the weighted sum z = Σ w_i·x_i + b, then the activation, then the output. The inputs of
 * layer 1 are the network's inputs (x0, x1, …); those of layer l are the outputs of layer l − 1's neurons
 * (written l−1:i). With more than {@value #MOST_INPUTS} inputs, the {@value #MOST_INPUTS} whose weights are
 * largest in magnitude are shown (in input order) and one "… N more" node stands for the rest, its arrow
 * giving the largest magnitude among them.
 */
final class NeuronLayout {

    /** The most inputs shown one by one. */
    static final int MOST_INPUTS = 8;

    private NeuronLayout() {
    }

    /** The diagram of {@code neuron} of {@code network}. */
    static DiagramLayout of(Network network, NeuronChoice neuron) {
        int layer = neuron.layer();
        LayerSpec spec = network.spec().layers().get(layer - 1);
        float[][] weights = network.parameter(Parameter.weightName(layer)).read(Parameter.Orientation.IN_BY_OUT);
        float bias = network.parameter(Parameter.biasName(layer)).read()[neuron.index()];
        int fanIn = weights.length;
        List<Integer> shown = shownInputs(weights, neuron.index());

        List<DiagramNode> inputs = new ArrayList<>();
        List<DiagramEdge> edges = new ArrayList<>();
        for (int i : shown) {
            String id = "x" + i;
            inputs.add(new DiagramNode(id, layer == 1 ? "x" + i : (layer - 1) + ":" + i, NodeKind.INPUT));
            double w = weights[i][neuron.index()];
            edges.add(new DiagramEdge(id, "z", w, "w = " + number(w)));
        }
        if (shown.size() < fanIn) {
            int hidden = fanIn - shown.size();
            double largest = IntStream.range(0, fanIn).filter(i -> !shown.contains(i))
                    .mapToDouble(i -> Math.abs(weights[i][neuron.index()])).max().orElse(0);
            inputs.add(new DiagramNode("xmore", "… " + hidden + " more", NodeKind.MORE));
            edges.add(new DiagramEdge("xmore", "z", Double.NaN, hidden + " weights, |w| ≤ " + number(largest)));
        }
        inputs.add(new DiagramNode("b", "b = " + number(bias), NodeKind.BIAS));
        edges.add(new DiagramEdge("b", "z", Double.NaN, null));
        edges.add(new DiagramEdge("z", "f", Double.NaN, null));
        edges.add(new DiagramEdge("f", "y", Double.NaN, null));

        List<DiagramColumn> columns = List.of(new DiagramColumn(null, inputs),
                new DiagramColumn(null, List.of(new DiagramNode("z", "z = Σ w_i·x_i + b", NodeKind.SUM))),
                new DiagramColumn(null, List.of(new DiagramNode("f", spec.activation().value(), NodeKind.ACTIVATION))),
                new DiagramColumn(null, List.of(new DiagramNode("y", "output " + neuron, NodeKind.OUTPUT))));
        String title = "neuron " + neuron + " of " + NetworkLayout.name(layer) + " (" + spec.activation().value() + ", "
                + fanIn + " input" + (fanIn == 1 ? "" : "s") + ")";
        return new DiagramLayout(title, columns, edges);
    }

    /** The inputs shown: all, or the {@value #MOST_INPUTS} with the largest |w|, in input order. */
    private static List<Integer> shownInputs(float[][] weights, int neuron) {
        return IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -Math.abs(weights[i][neuron]))
                        .thenComparing(Comparator.naturalOrder()))
                .limit(weights.length <= MOST_INPUTS + 1 ? weights.length : MOST_INPUTS)
                .sorted().toList();
    }

    /** A weight or bias as shown: four decimals. */
    static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
