package dev.backprop.examples.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The SVG parsed with the JDK's XML parser, the PNG decoded by ImageIO. */
class PicturesTest {

    @Test
    void svg_mnistShape_oneGroupPerNodeAndEdge_withLabels() throws Exception {
        DiagramLayout layout = NetworkLayout.of(Networks.mnist(), Optional.empty());
        Document svg = parse(SvgDiagram.bytes(layout));
        List<String> ids = groupIds(svg);
        assertEquals(5 * 5, ids.stream().filter(id -> id.startsWith("node-")).count(), ids.toString());
        assertEquals(80, ids.stream().filter(id -> id.startsWith("edge-")).count(), ids.toString());
        assertTrue(ids.contains("node-xmore") && ids.contains("edge-n3_9-y9"), ids.toString());
        List<String> texts = texts(svg);
        assertTrue(texts.contains("… 780 more") && texts.contains("… 508 more") && texts.contains("x783"),
                texts.toString());
        assertTrue(texts.contains("dense_1 · relu · 512") && texts.contains("network 784-512-256-10"),
                texts.toString());
        DiagramGeometry geometry = new DiagramGeometry(layout);
        assertEquals(geometry.width(), Double.parseDouble(svg.getDocumentElement().getAttribute("width")));
    }

    @Test
    void svg_model_edgesColouredBySign() throws Exception {
        Document svg = parse(SvgDiagram.bytes(NetworkLayout.of(Networks.twoTwoOne().spec(),
                Optional.of(Networks.twoTwoOne()))));
        assertEquals("rgb(178,24,43)", strokeOf(svg, "edge-n1_0-n2_0"));
        assertEquals("rgb(33,102,172)", strokeOf(svg, "edge-x1-n1_1"));
        assertEquals("rgb(150,150,150)", strokeOf(svg, "edge-n2_0-y0"));
    }

    @Test
    void png_hasTheGeometrysSize() throws IOException {
        DiagramLayout layout = NetworkLayout.of(Networks.spec(2, "sigmoid", "sigmoid", 3, 1), Optional.empty());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(PngDiagram.bytes(layout)));
        DiagramGeometry geometry = new DiagramGeometry(layout);
        assertEquals(geometry.width(), image.getWidth());
        assertEquals(geometry.height(), image.getHeight());
        assertEquals(0xffffff, image.getRGB(2, 2) & 0xffffff, "white background");
        int x = (int) geometry.centre("x0").getX() - DiagramGeometry.RADIUS;
        int y = (int) geometry.centre("x0").getY();
        assertTrue((image.getRGB(x, y) & 0xffffff) != 0xffffff, "the outline of node x0 at " + x + "," + y);
    }

    static Document parse(byte[] svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    private static List<String> groupIds(Document svg) {
        List<String> ids = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            String id = ((Element) groups.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<String> texts(Document svg) {
        List<String> texts = new ArrayList<>();
        NodeList elements = svg.getElementsByTagName("text");
        for (int i = 0; i < elements.getLength(); i++) {
            texts.add(elements.item(i).getTextContent());
        }
        return texts;
    }

    private static String strokeOf(Document svg, String groupId) {
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getAttribute("id").equals(groupId)) {
                Element line = (Element) group.getElementsByTagName("line").item(0);
                String style = line.getAttribute("style") + ";" + line.getAttribute("stroke");
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("stroke: ?(rgb\\([0-9,]+\\))").matcher(style);
                return m.find() ? m.group(1) : style;
            }
        }
        throw new AssertionError("no group " + groupId);
    }
}
