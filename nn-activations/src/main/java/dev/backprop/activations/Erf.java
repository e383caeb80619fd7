package dev.backprop.activations;

/**
 * The error function and its complement in double precision, by W. J. Cody's rational Chebyshev
 * approximations ("Rational Chebyshev approximations for the error function", Math. Comp. 23, 1969;
 * the coefficients of his Fortran routine CALERF, SPECFUN/Netlib), whose relative error is below
 * about 1e-16 on each of the three intervals {@code |x| ≤ 0.46875}, {@code 0.46875 < |x| ≤ 4} and
 * {@code |x| > 4}. {@link #erfc} keeps full relative precision in the tail (it never computes
 * {@code 1 − erf}); its factor {@code e^(−x²)} is split as {@code e^(−s²)·e^(−(x−s)(x+s))} with
 * {@code s} = x rounded down to a multiple of 1/16, so that rounding {@code x²} costs nothing. It
 * underflows to 0 beyond x ≈ 26.6. NaN in gives NaN out.
 */
final class Erf {

    private static final double[] A = {
        3.16112374387056560e00, 1.13864154151050156e02, 3.77485237685302021e02,
        3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {
        2.36012909523441209e01, 2.44024637934444173e02, 1.28261652607737228e03,
        2.84423683343917062e03};
    private static final double[] C = {
        5.64188496988670089e-1, 8.88314979438837594e00, 6.61191906371416295e01,
        2.98635138197400131e02, 8.81952221241769090e02, 1.71204761263407058e03,
        2.05107837782607147e03, 1.23033935479799725e03, 2.15311535474403846e-8};
    private static final double[] D = {
        1.57449261107098347e01, 1.17693950891312499e02, 5.37181101862009858e02,
        1.62138957456669019e03, 3.29079923573345963e03, 4.36261909014324716e03,
        3.43936767414372164e03, 1.23033935480374942e03};
    private static final double[] P = {
        3.05326634961232344e-1, 3.60344899949804439e-1, 1.25781726111229246e-1,
        1.60837851487422766e-2, 6.58749161529837803e-4, 1.63153871373020978e-2};
    private static final double[] Q = {
        2.56852019228982242e00, 1.87295284992346725e00, 5.27905102951428412e-1,
        6.05183413124413191e-2, 2.33520497626869185e-3};
    /** 1/√π. */
    private static final double ONE_OVER_SQRT_PI = 5.6418958354775628695e-1;
    private static final double SMALL = 0.46875;
    /** Above this erfc underflows to 0 in double. */
    private static final double BIG = 26.543;

    private Erf() {
    }

    /** {@code erf(x) = 2/√π ∫₀ˣ e^(−t²) dt}. */
    static double erf(double x) {
        double y = Math.abs(x);
        if (y <= SMALL) {
            return small(x);
        }
        double result = 0.5 - erfcPositive(y) + 0.5;
        return x < 0 ? -result : result;
    }

    /** {@code erfc(x) = 1 − erf(x)}, with full relative precision for large positive {@code x}. */
    static double erfc(double x) {
        double y = Math.abs(x);
        if (y <= SMALL) {
            return 0.5 - small(x) + 0.5;
        }
        double tail = erfcPositive(y);
        return x < 0 ? 0.5 - tail + 1.5 : tail;
    }

    /** erf on {@code |x| ≤ 0.46875}: {@code x·R(x²)}. */
    private static double small(double x) {
        double ysq = x * x;
        double num = A[4] * ysq;
        double den = ysq;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * ysq;
            den = (den + B[i]) * ysq;
        }
        return x * (num + A[3]) / (den + B[3]);
    }

    /** erfc on {@code y > 0.46875} (or NaN). */
    private static double erfcPositive(double y) {
        if (!(y < BIG)) {
            return Double.isNaN(y) ? y : 0.0;
        }
        double result;
        if (y <= 4.0) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            result = (num + C[7]) / (den + D[7]);
        } else {
            double ysq = 1.0 / (y * y);
            double num = P[5] * ysq;
            double den = ysq;
            for (int i = 0; i < 4; i++) {
                num = (num + P[i]) * ysq;
                den = (den + Q[i]) * ysq;
            }
            result = ysq * (num + P[4]) / (den + Q[4]);
            result = (ONE_OVER_SQRT_PI - result) / y;
        }
        double s = Math.floor(y * 16.0) / 16.0;
        double del = (y - s) * (y + s);
        return Math.exp(-s * s) * Math.exp(-del) * result;
    }
}
