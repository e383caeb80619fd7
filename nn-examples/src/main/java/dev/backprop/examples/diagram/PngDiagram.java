package dev.backprop.examples.diagram;

import dev.backprop.examples.console.PngBytes;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;

/**
 * A {@link DiagramLayout} as a PNG: {@link DiagramPainter} paints it with Java2D into a {@link BufferedImage}
 * of {@link DiagramGeometry}'s size, which ImageIO encodes in memory (headless).
 */
final class PngDiagram {

    private PngDiagram() {
    }

    /** The picture. */
    static BufferedImage image(DiagramLayout layout) {
        Headless.ensure();
        DiagramGeometry geometry = new DiagramGeometry(layout);
        BufferedImage image = new BufferedImage(geometry.width(), geometry.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            new DiagramPainter(layout, geometry, DiagramPainter.Marks.NONE).paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The picture as PNG bytes. */
    static byte[] bytes(DiagramLayout layout) {
        return PngBytes.of(image(layout), "the diagram");
    }
}
