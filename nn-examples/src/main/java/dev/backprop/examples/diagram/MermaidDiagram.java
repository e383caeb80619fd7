package dev.backprop.examples.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link DiagramLayout} as Mermaid flowchart text ({@code graph LR}): a titled column becomes a subgraph;
 * inputs, neurons and outputs are circles, "… N more" and whole layers boxes, the activation a hexagon.
 * Edges of a "… N more" node are dashed. Edges that carry a weight are styled with {@code linkStyle}: blue
 * for positive, red for negative, 1, 2.5 or 4 px by magnitude relative to the largest weight shown.
 */
final class MermaidDiagram {

    static final String POSITIVE = "#2166ac";
    static final String NEGATIVE = "#b2182b";

    private MermaidDiagram() {
    }

    /** The Mermaid text, lines ending in {@code \n}. */
    static String render(DiagramLayout layout) {
        StringBuilder text = new StringBuilder("graph LR\n");
        Map<String, NodeKind> kinds = new TreeMap<>();
        int subgraph = 0;
        for (DiagramColumn column : layout.columns()) {
            String indent = "  ";
            if (column.title() != null) {
                text.append("  subgraph c").append(subgraph++).append("[\"").append(escape(column.title()))
                        .append("\"]\n");
                indent = "    ";
            }
            for (DiagramNode node : column.nodes()) {
                kinds.put(node.id(), node.kind());
                text.append(indent).append(node.id()).append(shape(node)).append('\n');
            }
            if (column.title() != null) {
                text.append("  end\n");
            }
        }
        Map<String, List<Integer>> styles = new TreeMap<>();
        double largest = layout.largestWeight();
        for (int i = 0; i < layout.edges().size(); i++) {
            DiagramEdge edge = layout.edges().get(i);
            boolean dashed = kinds.get(edge.from()) == NodeKind.MORE || kinds.get(edge.to()) == NodeKind.MORE;
            text.append("  ").append(edge.from()).append(dashed ? " -.->" : " -->");
            text.append(edge.label() == null ? " " : "|\"" + escape(edge.label()) + "\"| ");
            text.append(edge.to()).append('\n');
            if (edge.weighted()) {
                styles.computeIfAbsent(style(edge.weight(), largest), key -> new ArrayList<>()).add(i);
            }
        }
        styles.forEach((style, indices) -> text.append("  linkStyle ")
                .append(String.join(",", indices.stream().map(String::valueOf).toList())).append(' ').append(style)
                .append('\n'));
        return text.toString();
    }

    /** The stroke of an edge with {@code weight}: its colour by sign, one of three widths by magnitude. */
    private static String style(double weight, double largest) {
        double share = largest == 0 ? 0 : Math.abs(weight) / largest;
        String width = share > 2.0 / 3 ? "4px" : share > 1.0 / 3 ? "2.5px" : "1px";
        return "stroke:" + (weight < 0 ? NEGATIVE : POSITIVE) + ",stroke-width:" + width;
    }

    private static String shape(DiagramNode node) {
        String label = "\"" + escape(node.label()) + "\"";
        return switch (node.kind()) {
            case INPUT, NEURON, OUTPUT -> "((" + label + "))";
            case ACTIVATION -> "{{" + label + "}}";
            case BIAS -> "[/" + label + "/]";
            case MORE, LAYER, SUM -> "[" + label + "]";
        };
    }

    /** Mermaid's entity for the one character that would end a quoted label. */
    private static String escape(String label) {
        return label.replace("\"", "#quot;");
    }
}
