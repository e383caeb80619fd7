package dev.backprop.testkit;

import java.util.Locale;

/**
 * The one wording of a failed derivative check, shared by every contract: the plugin, where (the
 * input), the analytic derivative and the finite-difference estimate, each by name, and by how much
 * they differ against what is allowed. For example:
 * <pre>
 * acme.swish: derivative at x = 0.51: analytic derivative = 0.7311, finite-difference estimate = 0.8123
 * (they differ by 0.0812, more than the 1.0e-06 allowed)
 * </pre>
 */
final class DerivativeMismatch {

    private DerivativeMismatch() {
    }

    /**
     * Whether {@code analytic} and {@code estimate} differ by more than {@code allowed} (or either is
     * NaN, which never matches).
     */
    static boolean differ(double analytic, double estimate, double allowed) {
        return !(Math.abs(analytic - estimate) <= allowed);
    }

    /**
     * @param plugin   the plugin's id, or the name of the function under test
     * @param where    the check and its input, such as {@code "backward at z = 0.5 (index 3)"}
     * @param analytic what the plugin computed
     * @param estimate the central difference of the plugin's own value
     * @param allowed  the largest difference accepted
     */
    static String describe(Object plugin, String where, double analytic, double estimate, double allowed) {
        return plugin + ": " + where + ": analytic derivative = " + analytic + ", finite-difference estimate = "
                + estimate + " (they differ by " + String.format(Locale.ROOT, "%.3g", Math.abs(analytic - estimate))
                + ", more than the " + String.format(Locale.ROOT, "%.1e", allowed) + " allowed)";
    }
}
