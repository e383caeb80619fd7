package dev.backprop.examples.diagram;

import java.util.List;

/**
 * What a diagram shows, independent of how it is drawn: columns of nodes, left to right, and the edges
 * between them. {@link MermaidDiagram}, {@link SvgDiagram} and {@link PngDiagram} render it;
 * {@link DiagramGeometry} gives the positions the pictures use.
 *
 * @param title   a heading for the pictures
 * @param columns the columns, left to right
 * @param edges   the arrows, in drawing order
 */
record DiagramLayout(String title, List<DiagramColumn> columns, List<DiagramEdge> edges) {

    DiagramLayout {
        columns = List.copyOf(columns);
        edges = List.copyOf(edges);
    }

    /** The number of nodes. */
    int nodeCount() {
        return columns.stream().mapToInt(column -> column.nodes().size()).sum();
    }

    /** The largest weight magnitude on an edge, 0 when no edge carries a weight. */
    double largestWeight() {
        return edges.stream().filter(DiagramEdge::weighted).mapToDouble(edge -> Math.abs(edge.weight())).max().orElse(0);
    }
}
