package dev.backprop.examples.console;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes a picture as PNG in memory, never through ImageIO's disk cache (whose shutdown hook prints a
 * stack trace when the disk is full), so the bytes can then be written atomically.
 */
public final class PngBytes {

    private PngBytes() {
    }

    /** {@code image} as PNG bytes; {@code what} names it in the error ("a chart", "the diagram"). */
    public static byte[] of(BufferedImage image, String what) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not encode " + what + " as PNG in memory: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
