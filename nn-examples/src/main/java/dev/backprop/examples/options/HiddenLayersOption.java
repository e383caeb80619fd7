package dev.backprop.examples.options;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --hidden}: the widths of a network's hidden layers. Each command gives the default. */
public final class HiddenLayersOption {

    @Option(names = "--hidden", split = ",", paramLabel = "N",
            description = "Hidden layer widths from input to output, comma-separated, such as 512,256.")
    List<Integer> widths;

    /** The hidden layers' widths, from the input side. */
    public List<Integer> widths() {
        return List.copyOf(widths);
    }
}
