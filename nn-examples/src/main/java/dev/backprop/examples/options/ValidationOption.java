package dev.backprop.examples.options;

import dev.backprop.api.InvalidConfigurationException;
import picocli.CommandLine.Option;

/**
 * {@code --validation}: the share of the training examples held out for validation, in [0, 1); 0 holds
 * none out (as Keras' {@code validation_split=0.0}): every example trains and the epochs have no
 * validation figures. Each command gives the default.
 */
public final class ValidationOption {

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Share of the training examples held out for validation, in [0, 1); 0 holds none out"
                    + " (every example trains, and the epoch lines show no val_ figures).")
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
}
