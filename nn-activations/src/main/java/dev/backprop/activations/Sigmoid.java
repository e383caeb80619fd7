package dev.backprop.activations;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;

/**
 * The logistic sigmoid, id {@code sigmoid}:
 * <pre>σ(x) = 1 / (1 + e^(−x)),    σ'(x) = σ(x) · (1 − σ(x)).</pre>
 *
 * <p><b>Stability.</b> {@code e^(−x)} overflows for large negative {@code x}, so {@link #value} uses
 * {@code e = e^(−|x|)}, which lies in {@code (0, 1]}:
 * <pre>σ(x) = 1 / (1 + e)    for x ≥ 0,
 * σ(x) = e / (1 + e)    for x &lt; 0.</pre>
 * The second form equals {@code 1 − 1/(1 + e)} but keeps full relative precision for tiny results
 * instead of cancelling. Neither form overflows, and NaN in gives NaN out. The bulk {@link #forward}
 * computes in double, where the plain form {@code 1/(1 + e^(−x))} on an argument clamped to
 * {@code [−40, 120]} neither overflows nor cancels, so it needs no case split (see there).
 *
 * <p>The derivative is computed from {@code x}, not from the cached float output {@code y}: for
 * large positive {@code x} the float {@code y} rounds to 1 (from x ≈ 17) or within a few ulps of it,
 * and {@code 1 − y} cancels (3·10⁻⁵ relative at x ≈ 7, 0 instead of 2·10⁻⁹ at x = 20). Since
 * {@code σ(x)·(1 − σ(x)) = e / (1 + e)²} for both signs of {@code x},
 * <pre>σ'(x) = e·p²,    e = e^(−|x|),  p = 1 / (1 + e),</pre>
 * with no overflow and no cancellation.
 *
 * <p>Immutable and thread-safe. Its default initialiser is Glorot uniform.
 */
public final class Sigmoid implements ScalarActivation {

    /** The id this activation is found by. */
    public static final PluginId ID = PluginId.of("sigmoid");

    /**
     * Where {@code |x|} is at most this, the bulk backward uses {@code y(1 − y)} of the float output: it is
     * within 2·10⁻⁶ relative of σ'(x) there ({@code 1 − y ≥ 1.8·10⁻²}) and needs no exponential; beyond,
     * it computes {@code e·p²} from {@code x}.
     */
    static final float FROM_OUTPUT_UP_TO = 4f;

    /** The sigmoid; it has no settings. */
    public Sigmoid() {
        // Stateless: the no-argument constructor is what ServiceLoader calls.
    }

    @Override
    public PluginId id() {
        return ID;
    }

    /** {@code σ(x)}, computed without overflow for any {@code x}. */
    @Override
    public double value(double x) {
        double e = Math.exp(-Math.abs(x));
        double s = 1.0 / (1.0 + e);
        return x >= 0 ? s : e * s;
    }

    /** {@code σ'(x) = e·p²} with {@code e = e^(−|x|)}, {@code p = 1/(1 + e)}; {@code y} is not needed. */
    @Override
    public double derivative(double x, double y) {
        return sigmoidDerivative(x);
    }

    private static double sigmoidDerivative(double x) {
        double e = Math.exp(-Math.abs(x));
        double p = 1.0 / (1.0 + e);
        return e * p * p;
    }

    /**
     * {@code σ'(x) = e·p²} as {@link #sigmoidDerivative}, with {@code e = e^(−|x|)} from {@link BranchFreeExp};
     * beyond its range ({@code |x| > 700}) {@code e} is 0, as {@code Math.exp} gives from {@code |x| > 745},
     * so a gradient of any size times σ' is 0 there (and ∞ times it NaN); NaN stays NaN. The bulk backward
     * takes this branch for every {@code |x|} above {@link #FROM_OUTPUT_UP_TO}, often enough in a saturated
     * network that {@code Math.exp} there cost more than the rest of the pass.
     */
    private static double bulkDerivative(float x) {
        double minusAbs = -Math.abs((double) x);
        double e = minusAbs < BranchFreeExp.MIN_ARGUMENT ? 0.0 : BranchFreeExp.exp(minusAbs);
        double p = 1.0 / (1.0 + e);
        return e * p * p;
    }

    /**
     * {@code out[i] = σ(z[i]) = 1 / (1 + e^(−z[i]))}, computed in double and rounded once to float, so the
     * result is the correctly rounded double value to within one float ulp. In double the plain form
     * needs no case split: {@code e^(−x)} is clamped to {@code [e^(−40), e^120]} (beyond, σ rounds to 1 or
     * 0 in float anyway), where it neither overflows nor loses the relative precision of a tiny σ, and
     * it is taken by {@link BranchFreeExp}, so the loop makes no call (over a tenth of C1's training
     * step went to {@code Math.exp} here). NaN in gives NaN out.
     */
    @Override
    public void forward(float[] z, float[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            double minusX = -(double) z[i];
            minusX = minusX < -40.0 ? -40.0 : minusX;   // comparisons keep NaN, and unlike Math.max
            minusX = minusX > 120.0 ? 120.0 : minusX;   // on JDK 17 they cost next to nothing
            out[i] = (float) (1.0 / (1.0 + BranchFreeExp.exp(minusX)));
        }
    }

    /** {@code gradIn[i] = gradOut[i] · σ'(z[i])}, computed from {@code z} in double and rounded once to float. */
    @Override
    public void backward(float[] z, float[] a, float[] gradOut, float[] gradIn, int from, int to) {
        for (int i = from; i < to; i++) {
            float x = z[i];
            float y = a[i];
            gradIn[i] = Math.abs(x) <= FROM_OUTPUT_UP_TO ? gradOut[i] * (y * (1f - y))
                    : (float) (gradOut[i] * bulkDerivative(x));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sigmoid;
    }

    @Override
    public int hashCode() {
        return ID.hashCode();
    }

    @Override
    public String toString() {
        return ID.value();
    }
}
