package dev.backprop.examples.options;

import dev.backprop.api.InvalidConfigurationException;
import picocli.CommandLine.Option;

/**
 * {@code --validation} for a command that reports its accuracy on the held-out rows (iris): the share
 * held out, above 0 and below 1, since with none there is nothing to measure. Each command gives the default.
 */
public final class HeldOutOption {

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Share of the rows held out to measure the accuracy on, above 0 and below 1.")
    Double fraction;

    /**
     * The share held out.
     *
     * @throws InvalidConfigurationException if it is not above 0 and below 1
     */
    public double fraction() {
        double value = fraction;
        if (!(value > 0 && value < 1)) {
            throw new InvalidConfigurationException("--validation expects the share of rows to hold out for the"
                    + " accuracy report, above 0 and below 1, but got " + fraction + ": this example measures its"
                    + " accuracy on those rows, so give a share such as 0.2.");
        }
        return value;
    }
}
