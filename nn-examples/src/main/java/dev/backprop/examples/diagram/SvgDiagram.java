package dev.backprop.examples.diagram;

import java.awt.Graphics2D;
import java.nio.charset.StandardCharsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A {@link DiagramLayout} as an SVG document, painted by {@link DiagramPainter} on JFreeSVG's
 * {@link SVGGraphics2D}. Each node is an SVG group {@code <g id="node-ID">} and each edge one
 * {@code <g id="edge-FROM-TO">}; labels are {@code <text>} elements. Coordinates as {@link DiagramGeometry}.
 */
final class SvgDiagram {

    private static final DiagramPainter.Marks GROUPS = new DiagramPainter.Marks() {
        @Override
        public void begin(Graphics2D g, String id) {
            g.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, id);
        }

        @Override
        public void end(Graphics2D g) {
            g.setRenderingHint(SVGHints.KEY_END_GROUP, Boolean.TRUE);
        }
    };

    private SvgDiagram() {
    }

    /** The SVG document's text. */
    static String render(DiagramLayout layout) {
        Headless.ensure();
        DiagramGeometry geometry = new DiagramGeometry(layout);
        SVGGraphics2D g = new SVGGraphics2D(geometry.width(), geometry.height());
        new DiagramPainter(layout, geometry, GROUPS).paint(g);
        // the element under an XML declaration, without getSVGDocument()'s SVG 1.1 DOCTYPE (which readers would fetch)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
    }

    /** The SVG document, UTF-8. */
    static byte[] bytes(DiagramLayout layout) {
        return render(layout).getBytes(StandardCharsets.UTF_8);
    }
}
