package dev.backprop.examples.console;

import java.util.Locale;

/**
 * How the console writes one figure: a finite value in the caller's format, NaN as {@code nan} and the
 * infinities as {@code inf} and {@code -inf}, so that a diverged figure shows rather than vanishes or
 * prints as Java's {@code NaN} or {@code Infinity}.
 */
final class Figure {

    private Figure() {
    }

    /** {@code value} in {@code format} (one {@code %f}-style conversion) when finite, else nan, inf or -inf. */
    static String format(String format, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, format, value) : nonFinite(value);
    }

    /** {@code nan}, {@code inf} or {@code -inf}. */
    static String nonFinite(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        return value > 0 ? "inf" : "-inf";
    }
}
