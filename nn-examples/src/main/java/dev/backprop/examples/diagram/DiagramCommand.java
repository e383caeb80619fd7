package dev.backprop.examples.diagram;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.files.AtomicFileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./backprop diagram}: the network, or one of its neurons, as Mermaid text, SVG or PNG. */
@Command(name = "diagram", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Draws a network left to right: its inputs, each dense layer's neurons, its outputs.",
            "Give exactly one of --model (a saved .bpnn: edges blue for positive weights, red for negative, wider"
                + " for larger magnitudes) or --config (a .json/.yaml configuration: edges uniform grey).",
            "A column wider than 5 shows its first 3 nodes, a '… N more' node and its last one. Should the"
                + " diagram still have more than 499 edges (Mermaid's default limit is 500), it shows one node"
                + " per layer instead.",
            "--neuron LAYER:INDEX draws one neuron of a saved model instead: its inputs x_i with their weights w_i,"
                + " its bias b, z = Σ w_i·x_i + b, its activation and its output; with more than 8 inputs, the 8"
                + " weights of largest magnitude and a '… N more' node for the rest."})
public final class DiagramCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkSource source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (text, a graph LR flowchart), svg or png.")
    private String format;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the diagram. Without it mermaid goes to standard output, and svg and png"
                    + " to NAME.svg or NAME.png in the current folder, NAME being the model's or configuration's"
                    + " file name without its extension (NAME-neuron-2-5.png with --neuron 2:5).")
    private Path out;

    @Option(names = "--neuron", paramLabel = "LAYER:INDEX",
            description = "Draw one neuron of a saved model (needs --model): dense layers counted from 1 (dense_1),"
                    + " neurons from 0; 2:5 is the sixth neuron of dense_2.")
    private String neuron;

    private final Provider<PluginRegistry> registry;

    /** @param registry the plugins, from {@code --plugins} */
    @Inject
    DiagramCommand(Provider<PluginRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        DiagramFormat chosen = DiagramFormat.parse(format);
        SourceNetwork network = source.open("diagram", registry.get());
        NeuronChoice choice = null;
        DiagramLayout layout;
        if (neuron != null) {
            if (network.network() == null) {
                throw new InvalidConfigurationException("--neuron " + neuron + " draws a neuron's trained weights and"
                        + " bias, which a configuration (" + network.file() + ") does not have: give a saved model"
                        + " with --model FILE instead, or leave out --neuron to draw the architecture.");
            }
            choice = NeuronChoice.parse(neuron, network.spec());
            layout = NeuronLayout.of(network.network(), choice);
        } else {
            layout = NetworkLayout.of(network.spec(), network.weights());
        }
        PrintWriter printer = spec.commandLine().getOut();
        Path target = out != null ? out : chosen == DiagramFormat.MERMAID ? null
                : defaultFile(network.file(), choice, chosen);
        if (target == null) {
            printer.print(MermaidDiagram.render(layout));
        } else {
            byte[] bytes = chosen.render(layout);
            AtomicFileWriter.write(target, stream -> stream.write(bytes));
            printer.println("wrote the " + chosen + " diagram of " + layout.title() + " to "
                    + target.toAbsolutePath().normalize() + " (" + layout.nodeCount() + " nodes, "
                    + layout.edges().size() + " edges)");
        }
        printer.flush();
        return 0;
    }

    /** NAME.svg, NAME.png, NAME-neuron-2-5.png in the current folder. */
    static Path defaultFile(Path source, NeuronChoice choice, DiagramFormat format) {
        String name = source.getFileName() == null ? "network" : source.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String neuronPart = choice == null ? "" : "-neuron-" + choice.layer() + "-" + choice.index();
        return Path.of(stem + neuronPart + "." + format.extension());
    }
}
