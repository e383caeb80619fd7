package dev.backprop.examples.options;

import picocli.CommandLine.Option;

/** {@code --validation}: the share of the training examples held out for validation. Each command gives the default. */
public final class ValidationOption {

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Share of the training examples held out for validation, in [0, 1).")
    Double fraction;

    /** The share held out. */
    public double fraction() {
        return fraction;
    }
}
