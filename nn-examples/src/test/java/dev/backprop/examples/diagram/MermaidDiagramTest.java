package dev.backprop.examples.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {

    @Test
    void smallConfig_everyNeuronAndEveryEdge_golden() {
        String text = MermaidDiagram.render(NetworkLayout.of(Networks.spec(2, "sigmoid", "sigmoid", 3, 1),
                Optional.empty()));
        assertEquals("""
                graph LR
                  subgraph c0["input · 2"]
                    x0(("x0"))
                    x1(("x1"))
                  end
                  subgraph c1["dense_1 · sigmoid · 3"]
                    n1_0(("1:0"))
                    n1_1(("1:1"))
                    n1_2(("1:2"))
                  end
                  subgraph c2["dense_2 · sigmoid · 1"]
                    n2_0(("2:0"))
                  end
                  subgraph c3["output · 1"]
                    y0(("y0"))
                  end
                  x0 --> n1_0
                  x0 --> n1_1
                  x0 --> n1_2
                  x1 --> n1_0
                  x1 --> n1_1
                  x1 --> n1_2
                  n1_0 --> n2_0
                  n1_1 --> n2_0
                  n1_2 --> n2_0
                  n2_0 --> y0
                """, text);
    }

    @Test
    void mnistShape_collapsedWithMoreNodes_underTheEdgeLimit() {
        String text = MermaidDiagram.render(NetworkLayout.of(Networks.mnist(), Optional.empty()));
        assertTrue(text.contains("xmore[\"… 780 more\"]"), text);
        assertTrue(text.contains("n1_more[\"… 508 more\"]"), text);
        assertTrue(text.contains("n2_more[\"… 252 more\"]"), text);
        assertTrue(text.contains("n3_more[\"… 6 more\"]"), text);
        assertTrue(text.contains("ymore[\"… 6 more\"]"), text);
        assertTrue(text.contains("x783((\"x783\"))") && text.contains("n1_511((\"1:511\"))"), text);
        assertFalse(text.contains("x3((") || text.contains("n1_3(("), text);
        long edges = text.lines().filter(line -> line.contains("-->") || line.contains("-.->")).count();
        assertEquals(5 * 5 * 3 + 5, edges, text);
        assertTrue(edges < 500);
        assertTrue(text.contains("  xmore -.-> n1_0\n"), text);
    }

    @Test
    void deepNetwork_fallsBackToOneNodePerLayer() {
        int[] widths = new int[25];
        java.util.Arrays.fill(widths, 6);
        DiagramLayout neurons = NetworkLayout.neurons(Networks.spec(6, "tanh", "identity", widths), Optional.empty());
        assertTrue(neurons.edges().size() > NetworkLayout.MAX_EDGES, "the test needs a network over the limit");
        String text = MermaidDiagram.render(NetworkLayout.of(Networks.spec(6, "tanh", "identity", widths),
                Optional.empty()));
        assertTrue(text.contains("L25[\"dense_25 · identity · 6\"]"), text);
        assertTrue(text.contains("  x[\"input · 6\"]\n"), text);
        assertTrue(text.contains("x -->|\"36 weights\"| L1"), text);
        assertFalse(text.contains("n1_0"), text);
        assertEquals(26, text.lines().filter(line -> line.contains("-->")).count(), text);
    }

    @Test
    void model_edgesStyledBySignAndMagnitude() {
        String text = MermaidDiagram.render(NetworkLayout.of(Networks.twoTwoOne().spec(),
                Optional.of(Networks.twoTwoOne())));
        // edges: x0>n1_0 0.5, x0>n1_1 -1, x1>n1_0 0.25, x1>n1_1 2, n1_0>n2_0 -3, n1_1>n2_0 1.5, n2_0>y0 none
        assertTrue(text.contains("  linkStyle 0,2 stroke:#2166ac,stroke-width:1px\n"), text);
        assertTrue(text.contains("  linkStyle 3,5 stroke:#2166ac,stroke-width:2.5px\n"), text);
        assertTrue(text.contains("  linkStyle 1 stroke:#b2182b,stroke-width:1px\n"), text);
        assertTrue(text.contains("  linkStyle 4 stroke:#b2182b,stroke-width:4px\n"), text);
        assertEquals(4, text.lines().filter(line -> line.contains("linkStyle")).count(), text);
    }
}
