package dev.backprop.examples.diagram;

import dev.backprop.core.network.Network;
import java.util.Optional;

/** The diagram command's SVG of a whole network (its weights coloured), for other commands: the dashboard shows it. */
public final class NetworkSvg {

    private NetworkSvg() {
    }

    /** The SVG document of {@code network}, as {@code ./backprop diagram --format svg} draws it. */
    public static String of(Network network) {
        return SvgDiagram.render(NetworkLayout.of(network.spec(), Optional.of(network)));
    }
}
