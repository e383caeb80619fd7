package dev.backprop.examples.diagram;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paints a {@link DiagramLayout} at the positions of its {@link DiagramGeometry} on any {@link Graphics2D}:
 * {@link SvgDiagram} hands it JFreeSVG's, {@link PngDiagram} a {@code BufferedImage}'s. Edges first, under the
 * nodes: a weighted edge is blue when positive and red when negative, from 0.75 to 4 px wide in proportion to
 * its magnitude against the largest weight shown; an edge without weight is grey, 1 px; an edge of a "… N more"
 * node is dashed. Inputs, neurons and outputs are circles with their label inside; the other nodes rounded boxes.
 */
final class DiagramPainter {

    static final Color POSITIVE = new Color(0x21, 0x66, 0xac);
    static final Color NEGATIVE = new Color(0xb2, 0x18, 0x2b);
    static final Color UNWEIGHTED = new Color(150, 150, 150);

    /** Marks where each node and edge begins and ends (SVG groups with ids); nothing for a bitmap. */
    interface Marks {
        void begin(Graphics2D g, String id);

        void end(Graphics2D g);

        Marks NONE = new Marks() {
            @Override
            public void begin(Graphics2D g, String id) {
            }

            @Override
            public void end(Graphics2D g) {
            }
        };
    }

    private final DiagramLayout layout;
    private final DiagramGeometry geometry;
    private final Marks marks;

    DiagramPainter(DiagramLayout layout, DiagramGeometry geometry, Marks marks) {
        this.layout = layout;
        this.geometry = geometry;
        this.marks = marks;
    }

    /** Paints the whole picture, background included. */
    void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, geometry.width(), geometry.height()));
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(layout.title(), DiagramGeometry.MARGIN / 2f, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        List<DiagramColumn> columns = layout.columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).title() != null) {
                centred(g, columns.get(c).title(), geometry.columnX(c), 58);
            }
        }
        Map<String, NodeKind> kinds = new HashMap<>();
        columns.forEach(column -> column.nodes().forEach(node -> kinds.put(node.id(), node.kind())));
        double largest = layout.largestWeight();
        for (DiagramEdge edge : layout.edges()) {
            boolean dashed = kinds.get(edge.from()) == NodeKind.MORE || kinds.get(edge.to()) == NodeKind.MORE;
            paintEdge(g, edge, dashed, largest);
        }
        for (DiagramColumn column : columns) {
            for (DiagramNode node : column.nodes()) {
                paintNode(g, node);
            }
        }
    }

    private void paintEdge(Graphics2D g, DiagramEdge edge, boolean dashed, double largest) {
        marks.begin(g, "edge-" + edge.from() + "-" + edge.to());
        Point2D from = geometry.centre(edge.from());
        Point2D to = geometry.centre(edge.to());
        float width = 1f;
        Color colour = UNWEIGHTED;
        if (edge.weighted()) {
            colour = edge.weight() < 0 ? NEGATIVE : POSITIVE;
            width = (float) (0.75 + 3.25 * (largest == 0 ? 0 : Math.abs(edge.weight()) / largest));
        }
        g.setColor(colour);
        g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f) : new BasicStroke(width));
        g.draw(new Line2D.Double(from, to));
        if (edge.label() != null) {
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            double x = from.getX() + 0.45 * (to.getX() - from.getX());
            double y = from.getY() + 0.45 * (to.getY() - from.getY());
            g.setColor(Color.DARK_GRAY);
            centred(g, edge.label(), x, y - 5);
        }
        marks.end(g);
    }

    private void paintNode(Graphics2D g, DiagramNode node) {
        marks.begin(g, "node-" + node.id());
        Point2D centre = geometry.centre(node.id());
        g.setStroke(new BasicStroke(1.5f));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        switch (node.kind()) {
            case INPUT, NEURON, OUTPUT -> {
                int r = DiagramGeometry.RADIUS;
                Ellipse2D circle = new Ellipse2D.Double(centre.getX() - r, centre.getY() - r, 2 * r, 2 * r);
                g.setColor(fill(node.kind()));
                g.fill(circle);
                g.setColor(Color.DARK_GRAY);
                g.draw(circle);
            }
            default -> {
                FontMetrics metrics = g.getFontMetrics();
                double w = metrics.stringWidth(node.label()) + 16;
                RoundRectangle2D box = new RoundRectangle2D.Double(centre.getX() - w / 2, centre.getY() - 13, w, 26,
                        10, 10);
                g.setColor(fill(node.kind()));
                g.fill(box);
                g.setColor(Color.DARK_GRAY);
                g.draw(box);
            }
        }
        g.setColor(Color.BLACK);
        centred(g, node.label(), centre.getX(), centre.getY() + 4);
        marks.end(g);
    }

    private static Color fill(NodeKind kind) {
        return switch (kind) {
            case INPUT -> new Color(0xd9, 0xf0, 0xd3);
            case OUTPUT -> new Color(0xfd, 0xe0, 0xc5);
            case MORE -> new Color(0xf2, 0xf2, 0xf2);
            default -> new Color(0xe8, 0xee, 0xf8);
        };
    }

    private static void centred(Graphics2D g, String text, double x, double y) {
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, (float) (x - w / 2.0), (float) y);
    }
}
