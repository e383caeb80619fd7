package dev.backprop.dashboard;

import dev.backprop.core.network.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plain SVG sketch of a network for the browser test (the CLI hands the dashboard its own diagram):
 * one column of circles per layer, at most 8 drawn, every pair of neighbours joined.
 */
final class SketchDiagram {

    private static final int SHOWN = 8;
    private static final int WIDTH = 560;
    private static final int HEIGHT = 300;

    private SketchDiagram() {
    }

    static String of(NetworkSpec spec) {
        List<Integer> widths = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        widths.add(spec.inputWidth());
        labels.add("input " + spec.inputWidth());
        spec.layers().forEach(layer -> {
            widths.add(layer.width());
            labels.add(layer.width() + " " + layer.activation().value());
        });
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + WIDTH
                + "\" height=\"" + HEIGHT + "\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" font-family=\"sans-serif\""
                + " font-size=\"13\">");
        double columnGap = (WIDTH - 80.0) / (widths.size() - 1);
        for (int c = 0; c + 1 < widths.size(); c++) {
            for (int i = 0; i < shown(widths.get(c)); i++) {
                for (int j = 0; j < shown(widths.get(c + 1)); j++) {
                    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                            + " stroke=\"#94a3b8\" stroke-width=\"0.6\"/>", 40 + c * columnGap, y(i, widths.get(c)),
                            40 + (c + 1) * columnGap, y(j, widths.get(c + 1))));
                }
            }
        }
        for (int c = 0; c < widths.size(); c++) {
            for (int i = 0; i < shown(widths.get(c)); i++) {
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"9\" fill=\"%s\""
                        + " stroke=\"#1e293b\"/>", 40 + c * columnGap, y(i, widths.get(c)),
                        c == 0 ? "#e2e8f0" : c == widths.size() - 1 ? "#fecaca" : "#bfdbfe"));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    40 + c * columnGap, HEIGHT - 8, labels.get(c)));
        }
        return svg.append("</svg>").toString();
    }

    private static int shown(int width) {
        return Math.min(SHOWN, width);
    }

    private static double y(int index, int width) {
        int count = shown(width);
        return 20 + (HEIGHT - 60.0) * (index + 0.5) / count;
    }
}
