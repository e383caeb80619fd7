package dev.backprop.activations;

import dev.backprop.testkit.Float64Definition;

/**
 * The textbook float64 definitions the built-ins are held to by the kit's tail-accuracy check. They
 * are written independently of the production code: different (plain) formulas, and for GELU an
 * erf computed by its power series and continued fraction rather than by Cody's approximation.
 * Where a form overflows or cancels for large |x| the plainest stable rewriting is used.
 */
final class Float64Definitions {

    private static final double SQRT2 = Math.sqrt(2);
    private static final double K = Math.sqrt(2 / Math.PI);
    private static final double C = 0.044715;

    private Float64Definitions() {
    }

    static Float64Definition tanh() {
        return new Float64Definition(Math::tanh, x -> {
            double c = Math.cosh(x);
            return 1 / (c * c);
        });
    }

    static double sigmoid(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    static Float64Definition sigmoid() {
        return new Float64Definition(Float64Definitions::sigmoid, x -> sigmoid(x) * sigmoid(-x));
    }

    static Float64Definition elu(double alpha) {
        return new Float64Definition(x -> x > 0 ? x : alpha * (Math.exp(x) - 1), x -> x > 0 ? 1 : alpha * Math.exp(x));
    }

    static Float64Definition selu() {
        double l = 1.0507009873554804934193349852946;
        double a = 1.6732632423543772848170429916717;
        return new Float64Definition(x -> x > 0 ? l * x : l * a * Math.expm1(x), x -> x > 0 ? l : l * a * Math.exp(x));
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static Float64Definition softplus() {
        return new Float64Definition(Float64Definitions::softplus, Float64Definitions::sigmoid);
    }

    static Float64Definition silu() {
        return new Float64Definition(x -> x * sigmoid(x), x -> sigmoid(x) + x * sigmoid(x) * sigmoid(-x));
    }

    static Float64Definition mish() {
        return new Float64Definition(x -> x * Math.tanh(softplus(x)), x -> {
            double c = Math.cosh(softplus(x));
            return Math.tanh(softplus(x)) + x * sigmoid(x) / (c * c);
        });
    }

    static Float64Definition exactGelu() {
        return new Float64Definition(x -> x * normalCdf(x),
                x -> normalCdf(x) + x * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI));
    }

    static Float64Definition tanhGelu() {
        return new Float64Definition(
                x -> x * sigmoid(2 * K * (x + C * x * x * x)),
                x -> {
                    double u = K * (x + C * x * x * x);
                    double c = Math.cosh(u);
                    // ½(1 + tanh u) = σ(2u): the tanh form cancels for u < −18.
                    return sigmoid(2 * u) + 0.5 * x * K * (1 + 3 * C * x * x) / (c * c);
                });
    }

    static Float64Definition softsign() {
        return new Float64Definition(x -> x / (1 + Math.abs(x)), x -> Math.pow(1 + Math.abs(x), -2));
    }

    static Float64Definition leakyRelu(double alpha) {
        return new Float64Definition(x -> x > 0 ? x : alpha * x, x -> x > 0 ? 1 : alpha);
    }

    static Float64Definition relu() {
        return new Float64Definition(x -> Math.max(x, 0), x -> x > 0 ? 1 : 0);
    }

    static Float64Definition relu6() {
        return new Float64Definition(x -> Math.min(Math.max(x, 0), 6), x -> x > 0 && x < 6 ? 1 : 0);
    }

    static Float64Definition hardTanh() {
        return new Float64Definition(x -> Math.max(-1, Math.min(1, x)), x -> x > -1 && x < 1 ? 1 : 0);
    }

    static Float64Definition hardSigmoid() {
        return new Float64Definition(x -> Math.min(Math.max(x + 3, 0), 6) / 6, x -> x > -3 && x < 3 ? 1 / 6.0 : 0);
    }

    static Float64Definition identity() {
        return new Float64Definition(x -> x, x -> 1);
    }

    /** {@code Φ(x) = ½·erfc(−x/√2)}. */
    static double normalCdf(double x) {
        return x < 0 ? 0.5 * erfc(-x / SQRT2) : 1 - 0.5 * erfc(x / SQRT2);
    }

    /**
     * erf by the series {@code 2/√π·e^(−x²)·Σ 2ⁿx^(2n+1)/(1·3···(2n+1))}, whose terms are all positive
     * (no cancellation); for {@code |x| ≥ 2}, {@code 1 − erfc}.
     */
    static double erf(double x) {
        if (x < 0) {
            return -erf(-x);
        }
        if (x >= 2) {
            return 1 - erfc(x);
        }
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 400 && term > 1e-18 * sum; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
        }
        return 2 / Math.sqrt(Math.PI) * Math.exp(-x2) * sum;
    }

    /**
     * erfc for {@code x ≥ 2} by the continued fraction {@code e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + ...))))}
     * (modified Lentz), else {@code 1 − erf} (which loses at most a factor 1/erfc(2) ≈ 200 in relative precision).
     */
    static double erfc(double x) {
        if (x < 2) {
            return 1 - erf(x);
        }
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 5000; n++) {
            double a = n / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : 1 / d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-17) {
                break;
            }
        }
        return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
    }
}
