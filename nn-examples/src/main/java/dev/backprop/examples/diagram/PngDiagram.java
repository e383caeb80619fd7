package dev.backprop.examples.diagram;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

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
        BufferedImage image = image(layout);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode the diagram as PNG in memory: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
