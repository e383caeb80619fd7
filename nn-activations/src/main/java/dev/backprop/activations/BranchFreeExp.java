package dev.backprop.activations;

/**
 * {@code e^t} in double arithmetic without a branch or a library call, for the bulk loops of the
 * activations: about eight times as fast as {@link Math#exp} per element in a loop (whose intrinsic is a
 * call per element), and accurate to a few double ulps, far below the float ulp the result is rounded to.
 *
 * <p>The method is the classic one: {@code t = k·ln 2 + r} with {@code k = rint(t / ln 2)} and
 * {@code |r| ≤ ln 2 / 2}, {@code ln 2} split in two parts (fdlibm's) so that {@code k·ln 2} is exact; then
 * {@code e^t = 2^k·(e^r − 1) + 2^k}, {@code e^r − 1} from its Taylor series to the 12th power (truncation
 * error below {@code 0.347^12 / 13! ≈ 5·10⁻¹⁶} relative) and {@code 2^k} built from its exponent bits.
 */
final class BranchFreeExp {

    /** The least {@code t} this computes: {@code 2^k} must stay a normal double. */
    static final double MIN_ARGUMENT = -700;
    /** The greatest {@code t} this computes: {@code 2^k} must stay finite. */
    static final double MAX_ARGUMENT = 700;

    private static final double LOG2_E = 1.4426950408889634;
    /** The high part of ln 2: its last 32 bits are zero, so {@code k·LN2_HI} is exact for {@code |k| < 2^20}. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    /** ln 2 − {@link #LN2_HI}. */
    private static final double LN2_LO = 1.90821492927058770002e-10;

    private BranchFreeExp() {
    }

    /**
     * {@code e^t} for {@code t} in {@code [MIN_ARGUMENT, MAX_ARGUMENT]} (the caller clamps); NaN gives NaN.
     */
    static double exp(double t) {
        double k = Math.rint(t * LOG2_E);
        double scale = twoTo(k);
        return Math.fma(scale, expm1OfReduced(reduced(t, k)), scale);
    }

    /**
     * {@code e^t − 1} for {@code t} in {@code [MIN_ARGUMENT, MAX_ARGUMENT]}, with full relative precision
     * near 0 (where {@code exp(t) − 1} would cancel); NaN gives NaN: {@code 2^k·(e^r − 1) + (2^k − 1)},
     * which for {@code k = 0} is the series alone.
     */
    static double expm1(double t) {
        double k = Math.rint(t * LOG2_E);
        double scale = twoTo(k);
        return Math.fma(scale, expm1OfReduced(reduced(t, k)), scale - 1.0);
    }

    /** {@code r = t − k·ln 2}, with {@code k·ln 2} taken in two exact parts. */
    private static double reduced(double t, double k) {
        double r = Math.fma(-k, LN2_HI, t);
        return Math.fma(-k, LN2_LO, r);
    }

    /** {@code e^r − 1} for {@code |r| ≤ ln 2 / 2}: its Taylor series without the constant term, to {@code r^12/12!}. */
    private static double expm1OfReduced(double r) {
        double p = 1.0 / 479001600;            // 1/12!
        p = Math.fma(p, r, 1.0 / 39916800);    // 1/11!
        p = Math.fma(p, r, 1.0 / 3628800);     // 1/10!
        p = Math.fma(p, r, 1.0 / 362880);      // 1/9!
        p = Math.fma(p, r, 1.0 / 40320);       // 1/8!
        p = Math.fma(p, r, 1.0 / 5040);        // 1/7!
        p = Math.fma(p, r, 1.0 / 720);         // 1/6!
        p = Math.fma(p, r, 1.0 / 120);         // 1/5!
        p = Math.fma(p, r, 1.0 / 24);          // 1/4!
        p = Math.fma(p, r, 1.0 / 6);           // 1/3!
        p = Math.fma(p, r, 0.5);               // 1/2!
        p = Math.fma(p, r, 1.0);               // 1/1!
        return p * r;
    }

    /** {@code 2^k} for a whole {@code k} in {@code [−1022, 1023]}, from its exponent bits. */
    private static double twoTo(double k) {
        return Double.longBitsToDouble(((long) k + 1023) << 52);
    }
}
