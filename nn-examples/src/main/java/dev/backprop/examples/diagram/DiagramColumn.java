package dev.backprop.examples.diagram;

import java.util.List;

/**
 * One column of a left-to-right diagram, its nodes top to bottom.
 *
 * @param title the column's heading ("dense_1 · relu · 512"), or {@code null} for none
 * @param nodes the nodes, top to bottom
 */
record DiagramColumn(String title, List<DiagramNode> nodes) {

    DiagramColumn {
        nodes = List.copyOf(nodes);
    }
}
