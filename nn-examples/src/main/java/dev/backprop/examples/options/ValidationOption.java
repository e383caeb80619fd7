package dev.backprop.examples.options;

import dev.backprop.api.InvalidConfigurationException;
import picocli.CommandLine.Option;

/**
 * {@code --validation}: the share of the training examples held out for validation, in [0, 1); 0 holds
 * none out (as Keras' {@code validation_split=0.0}): every example trains and the epochs have no
 * validation figures. A command that reports its accuracy on the held-out rows (iris) asks for
 * {@link #heldOutFraction()}, above 0. Each command gives the default.
 */
public final class ValidationOption {

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Share of the training examples held out for validation, in [0, 1); 0 holds none out"
                    + " (mnist then trains on every example; iris needs held-out rows to report its accuracy).")
    Double fraction;

    /**
     * The share held out, 0 for none.
     *
     * @throws InvalidConfigurationException if it is outside [0, 1) or not a number
     */
    public double fraction() {
        double value = fraction;
        if (!(value >= 0 && value < 1)) {
            throw new InvalidConfigurationException("--validation expects the share of training examples to hold"
                    + " out, from 0 (none) up to but not including 1, but got " + fraction + ": give a share such as"
                    + " 0.1, or 0 to train on every example.");
        }
        return value;
    }

    /**
     * The share held out, for a command that measures its accuracy on those rows.
     *
     * @throws InvalidConfigurationException if it is not above 0 and below 1
     */
    public double heldOutFraction() {
        double value = fraction();
        if (value == 0) {
            throw new InvalidConfigurationException("--validation 0 holds no rows out, but this example reports its"
                    + " accuracy on the held-out rows: give a share above 0 and below 1, such as 0.2.");
        }
        return value;
    }
}
