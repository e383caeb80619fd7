package dev.backprop.examples.diagram;

import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The whole network as a {@link DiagramLayout}, left to right: the inputs, each dense layer's neurons, the
 * outputs. Rules:
 * <ul>
 *   <li>a column of up to {@value #WHOLE} nodes is shown whole; a wider one shows its first {@value #HEAD},
 *       a "… N more" node standing for the rest, and its last one (784 inputs: x0 x1 x2 … 780 more x783);</li>
 *   <li>each shown node of a column is joined to each shown node of the next (the dense connections; those
 *       of a "… N more" node are dashed); a neuron of the last layer is joined to its output;</li>
 *   <li>with a model, an edge between two real neurons carries its weight (the picture colours it by sign
 *       and sizes it by magnitude); with a configuration no edge has one;</li>
 *   <li>should that still need more than {@value #MAX_EDGES} edges (a very deep network; Mermaid refuses
 *       graphs over 500 edges by default) the layout falls back to one node per layer, each arrow labelled
 *       with the number of weights it stands for.</li>
 * </ul>
 */
final class NetworkLayout {

    /** The most edges a layout may have: under Mermaid's default limit of 500. */
    static final int MAX_EDGES = 499;

    /** Columns up to this many nodes are shown whole. */
    static final int WHOLE = 5;

    /** A collapsed column shows this many first nodes, then "… N more", then its last node. */
    static final int HEAD = 3;

    private NetworkLayout() {
    }

    /** The layout of {@code spec}, with the weights of {@code network} when there is one. */
    static DiagramLayout of(NetworkSpec spec, Optional<Network> network) {
        DiagramLayout neurons = neurons(spec, network);
        return neurons.edges().size() <= MAX_EDGES ? neurons : layers(spec);
    }

    /** One node per shown neuron, collapsed as the class comment says. */
    static DiagramLayout neurons(NetworkSpec spec, Optional<Network> network) {
        List<DiagramColumn> columns = new ArrayList<>();
        List<DiagramEdge> edges = new ArrayList<>();
        List<Integer> previous = shown(spec.inputWidth());
        columns.add(column("input · " + spec.inputWidth(), spec.inputWidth(), "x", "x", NodeKind.INPUT));
        String previousPrefix = "x";
        for (int l = 1; l <= spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l - 1);
            List<Integer> slots = shown(layer.width());
            String prefix = "n" + l + "_";
            columns.add(column(name(l) + " · " + layer.activation().value() + " · " + layer.width(), layer.width(),
                    prefix, l + ":", NodeKind.NEURON));
            int weightsOf = l;
            float[][] weights = network.map(n -> n.parameter(Parameter.weightName(weightsOf))
                    .read(Parameter.Orientation.IN_BY_OUT)).orElse(null);
            for (Integer from : previous) {
                for (Integer to : slots) {
                    double weight = weights == null || from == null || to == null ? Double.NaN : weights[from][to];
                    edges.add(new DiagramEdge(id(previousPrefix, from), id(prefix, to), weight, null));
                }
            }
            previous = slots;
            previousPrefix = prefix;
        }
        columns.add(column("output · " + spec.outputWidth(), spec.outputWidth(), "y", "y", NodeKind.OUTPUT));
        for (Integer slot : previous) {
            edges.add(new DiagramEdge(id(previousPrefix, slot), id("y", slot), Double.NaN, null));
        }
        return new DiagramLayout(title(spec), columns, edges);
    }

    /** One node per layer, each arrow labelled with its number of weights. */
    static DiagramLayout layers(NetworkSpec spec) {
        List<DiagramColumn> columns = new ArrayList<>();
        List<DiagramEdge> edges = new ArrayList<>();
        columns.add(new DiagramColumn(null, List.of(new DiagramNode("x", "input · " + spec.inputWidth(),
                NodeKind.LAYER))));
        String previous = "x";
        for (int l = 1; l <= spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l - 1);
            String id = "L" + l;
            columns.add(new DiagramColumn(null, List.of(new DiagramNode(id, name(l) + " · "
                    + layer.activation().value() + " · " + layer.width(), NodeKind.LAYER))));
            long weights = (long) spec.fanIn(l - 1) * layer.width();
            edges.add(new DiagramEdge(previous, id, Double.NaN, String.format(Locale.ROOT, "%,d weights", weights)));
            previous = id;
        }
        columns.add(new DiagramColumn(null, List.of(new DiagramNode("y", "output · " + spec.outputWidth(),
                NodeKind.LAYER))));
        edges.add(new DiagramEdge(previous, "y", Double.NaN, null));
        return new DiagramLayout(title(spec), columns, edges);
    }

    /** The indices shown for a column of {@code width} nodes, top to bottom; {@code null} marks "… N more". */
    static List<Integer> shown(int width) {
        List<Integer> slots = new ArrayList<>();
        if (width <= WHOLE) {
            for (int i = 0; i < width; i++) {
                slots.add(i);
            }
            return slots;
        }
        for (int i = 0; i < HEAD; i++) {
            slots.add(i);
        }
        slots.add(null);
        slots.add(width - 1);
        return slots;
    }

    /** The name of layer {@code layer} (from 1): dense_1. */
    static String name(int layer) {
        return Parameter.weightName(layer).replace(".weight", "");
    }

    private static DiagramColumn column(String title, int width, String idPrefix, String labelPrefix, NodeKind kind) {
        int hidden = width - HEAD - 1;
        List<DiagramNode> nodes = new ArrayList<>();
        for (Integer slot : shown(width)) {
            nodes.add(slot == null ? new DiagramNode(id(idPrefix, null), "… " + hidden + " more", NodeKind.MORE)
                    : new DiagramNode(id(idPrefix, slot), labelPrefix + slot, kind));
        }
        return new DiagramColumn(title, nodes);
    }

    private static String id(String prefix, Integer slot) {
        return prefix + (slot == null ? "more" : slot.toString());
    }

    private static String title(NetworkSpec spec) {
        StringBuilder shape = new StringBuilder().append(spec.inputWidth());
        spec.layers().forEach(layer -> shape.append('-').append(layer.width()));
        return "network " + shape;
    }
}
