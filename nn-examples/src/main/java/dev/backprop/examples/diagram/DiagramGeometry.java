package dev.backprop.examples.diagram;

import java.awt.geom.Point2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each node of a {@link DiagramLayout} sits in a picture, in pixels from the top left: column c's
 * centre at x = {@value #LEFT} + c·{@value #COLUMN_GAP}, its nodes {@value #ROW_GAP} apart and centred
 * vertically on the tallest column, below the title ({@value #TOP} px); the picture is as wide and tall as
 * that needs plus a margin of {@value #MARGIN} px.
 */
final class DiagramGeometry {

    static final int LEFT = 110;
    static final int TOP = 90;
    static final int COLUMN_GAP = 200;
    static final int ROW_GAP = 64;
    static final int MARGIN = 40;
    /** The radius of a circle node. */
    static final int RADIUS = 16;

    private final Map<String, Point2D> centres = new HashMap<>();
    private final int width;
    private final int height;

    DiagramGeometry(DiagramLayout layout) {
        List<DiagramColumn> columns = layout.columns();
        int rows = columns.stream().mapToInt(column -> column.nodes().size()).max().orElse(1);
        for (int c = 0; c < columns.size(); c++) {
            List<DiagramNode> nodes = columns.get(c).nodes();
            double top = TOP + (rows - nodes.size()) * ROW_GAP / 2.0;
            for (int r = 0; r < nodes.size(); r++) {
                centres.put(nodes.get(r).id(), new Point2D.Double(LEFT + c * COLUMN_GAP, top + r * ROW_GAP));
            }
        }
        width = 2 * LEFT + (columns.size() - 1) * COLUMN_GAP;
        height = TOP + (rows - 1) * ROW_GAP + MARGIN + RADIUS;
    }

    /** The centre of node {@code id}. */
    Point2D centre(String id) {
        Point2D centre = centres.get(id);
        if (centre == null) {
            throw new IllegalArgumentException("No node " + id + " in the layout");
        }
        return centre;
    }

    /** The x of column {@code column}'s centre. */
    double columnX(int column) {
        return LEFT + column * COLUMN_GAP;
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }
}
