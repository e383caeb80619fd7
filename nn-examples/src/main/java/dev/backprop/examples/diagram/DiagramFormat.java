package dev.backprop.examples.diagram;

import dev.backprop.api.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/** {@code --format}: how {@code diagram} writes a layout, and the file extension it uses. */
enum DiagramFormat {
    MERMAID("mmd", layout -> MermaidDiagram.render(layout).getBytes(StandardCharsets.UTF_8)),
    SVG("svg", SvgDiagram::bytes),
    PNG("png", PngDiagram::bytes);

    private final String extension;
    private final Function<DiagramLayout, byte[]> renderer;

    DiagramFormat(String extension, Function<DiagramLayout, byte[]> renderer) {
        this.extension = extension;
        this.renderer = renderer;
    }

    /** The format named {@code text}, in any case. */
    static DiagramFormat parse(String text) {
        for (DiagramFormat format : values()) {
            if (format.name().equalsIgnoreCase(text.strip())) {
                return format;
            }
        }
        throw new InvalidConfigurationException("--format expects mermaid, svg or png but was given '" + text
                + "': choose one of them, e.g. --format svg --out net.svg.");
    }

    String extension() {
        return extension;
    }

    byte[] render(DiagramLayout layout) {
        return renderer.apply(layout);
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
