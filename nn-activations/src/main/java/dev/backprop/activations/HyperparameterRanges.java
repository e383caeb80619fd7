package dev.backprop.activations;

import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;

/**
 * The valid ranges of activation settings. Every failure names the activation, the setting, the
 * value found, the valid range and a typical value to use instead.
 */
final class HyperparameterRanges {

    private HyperparameterRanges() {
    }

    /**
     * A slope in {@code [0, 1)}, such as leaky ReLU's α. The bulk loops apply it to {@code float}
     * values, so it must also stay below 1 after the cast to {@code float}: the largest accepted value
     * is 0.99999994. A negative zero is normalised to {@code +0.0} so that equal settings compare equal.
     *
     * @return {@code value}, for use in field initialisers
     */
    static double requireSlope(PluginId activation, String name, double value, double typical) {
        if (!(value >= 0 && (float) value < 1f)) {
            throw new InvalidHyperparameterException("Hyperparameter '" + name + "' of activation '" + activation
                    + "' must lie in [0, 1) (at most " + Math.nextDown(1f) + ", as activations run in float) but was "
                    + value + ". Use a value such as " + typical + ".");
        }
        return value + 0.0;
    }

    /**
     * A positive scale such as ELU's α: finite and {@code > 0}. Results are stored as {@code float},
     * so the value may not exceed {@code Float.MAX_VALUE}; the valid range is
     * {@code (0, 3.4028235E38]}.
     *
     * @return {@code value}, for use in field initialisers
     */
    static double requirePositive(PluginId activation, String name, double value, double typical) {
        if (!(value > 0 && value <= Float.MAX_VALUE)) {
            throw new InvalidHyperparameterException("Hyperparameter '" + name + "' of activation '" + activation
                    + "' must be a finite number > 0 (valid range (0, " + Float.MAX_VALUE
                    + "], as activations run in float) but was " + value + ". Use a positive value such as "
                    + typical + ".");
        }
        return value;
    }
}
