package dev.backprop.examples.options;

import picocli.CommandLine.Option;

/** {@code --print-every}: how often a command prints the training loss. Each command gives the default. */
public final class PrintEveryOption {

    @Option(names = "--print-every", paramLabel = "N",
            description = "Print the loss every N epochs (and after the first and the last).")
    Integer every;

    /** The interval in epochs. */
    public int every() {
        return every;
    }
}
