package dev.backprop.examples.diagram;

import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The network a {@code summary} or {@code diagram} shows: its architecture and, for a saved model, its weights.
 *
 * @param file    the file it was read from
 * @param spec    the architecture
 * @param network the network with its weights; {@code null} for a configuration
 */
record SourceNetwork(Path file, NetworkSpec spec, Network network) {

    SourceNetwork {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(spec, "spec");
    }

    static SourceNetwork ofModel(Path file, Network network) {
        return new SourceNetwork(file, network.spec(), network);
    }

    static SourceNetwork ofConfig(Path file, NetworkSpec spec) {
        return new SourceNetwork(file, spec, null);
    }

    /** The network with its weights, empty for a configuration. */
    Optional<Network> weights() {
        return Optional.ofNullable(network);
    }

    /** What the file is: "saved model" or "configuration (no weights)". */
    String kind() {
        return network == null ? "configuration (architecture only, no weights)" : "saved model";
    }
}
