package dev.backprop.optimizers;

import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;

/**
 * The valid ranges of optimizer settings. Every failure names the optimizer, the setting, the value
 * found, the valid range and a typical value to use instead.
 */
final class HyperparameterRanges {

    private HyperparameterRanges() {
    }

    /**
     * A step size or a small stabilising constant: finite and {@code > 0}. Because updates run in
     * {@code float}, the value must also survive the cast, so the range is
     * {@code [Float.MIN_VALUE, Float.MAX_VALUE]} ({@code [1.4e-45, 3.4e38]}).
     *
     * @return {@code value}, for use in field initialisers
     */
    static double requirePositive(PluginId optimizer, String name, double value, double typical) {
        if (!(value >= Float.MIN_VALUE && value <= Float.MAX_VALUE)) {
            throw new InvalidHyperparameterException("Hyperparameter '" + name + "' of optimizer '" + optimizer
                    + "' must be a finite number > 0 (valid range [" + Float.MIN_VALUE + ", " + Float.MAX_VALUE
                    + "], as updates run in float) but was " + value + ". Use a positive value such as "
                    + typical + ".");
        }
        return value;
    }

    /**
     * A decay rate such as momentum or Adam's betas: in {@code [0, 1)}. The value must stay below 1
     * after the cast to {@code float}, so the largest accepted value is 0.99999994.
     *
     * @return {@code value}, for use in field initialisers
     */
    static double requireDecayRate(PluginId optimizer, String name, double value, double typical) {
        if (!(value >= 0 && (float) value < 1f)) {
            throw new InvalidHyperparameterException("Hyperparameter '" + name + "' of optimizer '" + optimizer
                    + "' must lie in [0, 1) (at most " + Math.nextDown(1f) + ", as updates run in float) but was "
                    + value + ". Use a value such as " + typical + ".");
        }
        return value;
    }

    /**
     * A non-negative amount such as a weight decay or an initial accumulator: finite and {@code >= 0}.
     * The value must stay finite after the cast to {@code float}, so the range is
     * {@code [0, Float.MAX_VALUE]} ({@code [0, 3.4e38]}).
     *
     * @return {@code value}, for use in field initialisers
     */
    static double requireNonNegative(PluginId optimizer, String name, double value, double typical) {
        if (!(value >= 0 && value <= Float.MAX_VALUE)) {
            throw new InvalidHyperparameterException("Hyperparameter '" + name + "' of optimizer '" + optimizer
                    + "' must be a finite number >= 0 (valid range [0, " + Float.MAX_VALUE
                    + "], as updates run in float) but was " + value + ". Use a value such as " + typical + ".");
        }
        return value;
    }

    /**
     * An on/off switch carried as a number, since every setting is numeric: exactly 0 (off) or 1 (on).
     *
     * @return true for 1, false for 0
     */
    static boolean requireFlag(PluginId optimizer, String name, double value) {
        if (value != 0 && value != 1) {
            throw new InvalidHyperparameterException("Hyperparameter '" + name + "' of optimizer '" + optimizer
                    + "' is a switch and must be 0 (off) or 1 (on) but was " + value
                    + ". Use 0 to leave it off (the default) or 1 to turn it on.");
        }
        return value == 1;
    }
}
