package dev.backprop.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.activation.Activation;
import dev.backprop.api.activation.ScalarActivation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Activation} must keep. Extend it in your tests and implement
 * {@link #instance()}; the extra scalar checks run when the instance is a {@link ScalarActivation}.
 *
 * <pre>{@code
 * class SwishContractTest extends ActivationContract {
 *     protected Activation instance() { return new Swish(); }
 * }
 * }</pre>
 *
 * Override the hooks ({@link #sampleMin()}, {@link #sampleMax()}, {@link #kinks()},
 * {@link #bulkRelativeTolerance()}, ...) where the function needs them. Override
 * {@link #float64Definition()} to have the float32 passes held to your float64 definition of
 * {@code f} and {@code f'} over {@code [−7, 7]} (see
 * {@link #float32_matchesTheFloat64DefinitionInTheTails()}). A check that does not apply
 * can be switched off by overriding its method without {@code @Test}.
 */
public abstract class ActivationContract extends PluginContract<Activation> {

    /** Step of the double central difference of {@code value}; see {@link #derivative_matchesCentralDifferenceOfValue()}. */
    private static final double SCALAR_H = 1e-5;
    /**
     * Step of the float central difference of {@code forward}: 2^-7. See
     * {@link #backward_matchesCentralDifferencesOfForward()} for why.
     */
    private static final float BULK_H = 0x1p-7f;
    /** Agreement required between the analytic derivative and the double central difference. */
    private static final double SCALAR_DERIVATIVE_TOLERANCE = 1e-6;
    /** Agreement required between backward and the float central difference of forward. */
    private static final double BULK_DERIVATIVE_TOLERANCE = 1e-3;

    /** Points of the accuracy grid on [−7, 7]: steps of 1/200. */
    private static final int ACCURACY_POINTS = 2801;
    /** Half-width of the accuracy grid. */
    private static final double ACCURACY_RANGE = 7;
    /** Saturated inputs where only finiteness and sign are required. */
    private static final float[] TAIL_INPUTS = {-40f, -20f, 20f, 40f};
    /**
     * Absolute floor of the relative error: {@code |found − expected| / max(|expected|, 1e-30)}. It only
     * matters where the true value is (nearly) zero, and lies far below any value a float network uses.
     */
    private static final double RELATIVE_FLOOR = 1e-30;
    /** Step of the five-point central difference used when there is no float64 definition. */
    private static final double FIVE_POINT_H = 1e-3;
    /**
     * Absolute error allowed, on top of the relative tolerance, to that five-point difference: its
     * truncation error {@code h⁴·|f⁽⁵⁾|/30} and rounding error {@code 1.5·ε·|f|/h} are both below 1e-11
     * for smooth functions of moderate size on [−7, 7].
     */
    private static final double FIVE_POINT_ABSOLUTE = 1e-9;

    private static final int LENGTH = 96;
    private static final int FROM = 7;
    private static final int TO = 81;
    private static final float UNTOUCHED = -12345.5f;

    /** The activation under test; a fresh or shared instance, it must be immutable either way. */
    protected abstract Activation instance();

    @Override
    protected Activation withHyperparameters(Activation plugin, Hyperparameters requested) {
        return plugin.withHyperparameters(requested);
    }

    /** Lower end of the sampled inputs; -6 by default. */
    protected double sampleMin() {
        return -6;
    }

    /** Upper end of the sampled inputs; 6 by default. */
    protected double sampleMax() {
        return 6;
    }

    /** Points where the function has a kink and no derivative; derivative checks keep away from them. */
    protected double[] kinks() {
        return new double[0];
    }

    /** How far the float derivative check keeps its sample points from a kink; must exceed the step 2^-7. */
    protected double kinkMargin() {
        return 0.05;
    }

    /**
     * Relative agreement required between a float bulk result and the double scalar (or the whole-range
     * bulk result) it approximates: 1e-6, about 8 float ulps. Fast approximations may need more.
     */
    protected double bulkRelativeTolerance() {
        return 1e-6;
    }

    /**
     * The float64 definition that {@link #float32_matchesTheFloat64DefinitionInTheTails()} holds the
     * float32 passes to; none by default, in which case that check compares the backward pass with a
     * central difference of the plugin's own {@code value(double)} instead. Built-ins give one each.
     */
    protected Optional<Float64Definition> float64Definition() {
        return Optional.empty();
    }

    /**
     * Relative agreement required by {@link #float32_matchesTheFloat64DefinitionInTheTails()}: 1e-4, as
     * Backprop requires of its built-ins. A deliberately approximate function may loosen it; say so in
     * its documentation.
     */
    protected double float32RelativeTolerance() {
        return 1e-4;
    }

    /** Seed of the random inputs; fixed so that failures repeat. */
    protected long seed() {
        return 20240601L;
    }

    // Gradients

    /**
     * The bulk {@code backward} must equal {@code gradOut ·} the central difference
     * {@code (f(z+h) − f(z−h)) / (z+h − (z−h))} of the bulk {@code forward}, all in float. The step
     * h = 2^-7 ≈ 0.0078 balances the two errors: float rounding of f (relative ε = 6e-8) costs about
     * {@code ε·|f|/h ≈ 5e-5} for |f| ≤ 6, and truncation {@code h²·|f'''|/6 ≈ 1e-5·|f'''|}, both well
     * under the tolerance 1e-3 (relative to max(1, |f'|)), which still catches a wrong formula or a
     * missing factor. The divisor is the float difference of the perturbed inputs actually used.
     * Points within {@link #kinkMargin()} of a kink are skipped.
     */
    @Test
    public void backward_matchesCentralDifferencesOfForward() {
        Activation f = instance();
        assertTrue(kinkMargin() > 2 * BULK_H, f.id() + ": kinkMargin() must exceed twice the step " + BULK_H);
        float[] z = sampleInputs(seed(), false);
        float[] a = new float[LENGTH];
        f.forward(z, a, 0, LENGTH);
        float[] gradOut = new float[LENGTH];
        Random random = new Random(seed() + 1);
        for (int i = 0; i < LENGTH; i++) {
            gradOut[i] = 0.5f + random.nextFloat() * 1.5f;
        }
        float[] gradIn = new float[LENGTH];
        f.backward(z, a, gradOut, gradIn, 0, LENGTH);

        float[] plus = new float[LENGTH];
        float[] minus = new float[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            plus[i] = z[i] + BULK_H;
            minus[i] = z[i] - BULK_H;
        }
        float[] fPlus = new float[LENGTH];
        float[] fMinus = new float[LENGTH];
        f.forward(plus, fPlus, 0, LENGTH);
        f.forward(minus, fMinus, 0, LENGTH);
        int checked = 0;
        for (int i = 0; i < LENGTH; i++) {
            if (nearKink(z[i], kinkMargin())) {
                continue;
            }
            double slope = ((double) fPlus[i] - fMinus[i]) / ((double) plus[i] - minus[i]);
            double analytic = gradIn[i] / (double) gradOut[i];
            double allowed = BULK_DERIVATIVE_TOLERANCE * Math.max(1, Math.abs(slope));
            if (DerivativeMismatch.differ(analytic, slope, allowed)) {
                fail(DerivativeMismatch.describe(f.id(), "bulk backward at input z = " + z[i] + " (index " + i
                        + ", gradOut = " + gradOut[i] + ", so gradIn = " + gradIn[i] + ")", analytic, slope, allowed));
            }
            checked++;
        }
        assertTrue(checked >= LENGTH / 2, f.id() + ": too few points away from the kinks: " + checked);
    }

    /**
     * For a {@link ScalarActivation}, {@code derivative(x, value(x))} must agree with the double
     * central difference {@code (f(x+h) − f(x−h)) / 2h}. With h = 1e-5 the truncation error is about
     * {@code h²·|f'''|/6 < 1e-10} and the rounding error about {@code ε·|f|/h < 1e-10} for smooth
     * functions on the sampled range, so 1e-6 leaves a wide margin while catching any wrong formula.
     * The grid steps by 1/8 from {@link #sampleMin()} offset by 0.01, and points within 100h of a
     * declared kink are skipped, so a difference never straddles one.
     */
    @Test
    public void derivative_matchesCentralDifferenceOfValue() {
        ScalarActivation f = scalarOrSkip();
        int checked = 0;
        for (double x = sampleMin() + 0.01; x <= sampleMax(); x += 0.125) {
            if (nearKink(x, 100 * SCALAR_H)) {
                continue;
            }
            double numeric = (f.value(x + SCALAR_H) - f.value(x - SCALAR_H)) / (2 * SCALAR_H);
            double analytic = f.derivative(x, f.value(x));
            double allowed = SCALAR_DERIVATIVE_TOLERANCE * Math.max(1.0, Math.abs(numeric));
            if (DerivativeMismatch.differ(analytic, numeric, allowed)) {
                fail(DerivativeMismatch.describe(f.id(), "derivative(x, value(x)) at input x = " + x, analytic,
                        numeric, allowed));
            }
            checked++;
        }
        assertTrue(checked > 0, f.id() + ": no sample point away from the kinks");
    }

    /**
     * Accuracy in the tails. The float32 {@code forward} and {@code backward} (with {@code gradOut = 1}),
     * run as the network runs them, are compared at 2,801 float inputs on [−7, 7] (steps of 1/200) with
     * the float64 values at the same inputs. The relative error, {@code |found − expected| /
     * max(|expected|, 1e-30)}, must stay within {@link #float32RelativeTolerance()} (1e-4). At ±20 and ±40
     * both passes must be finite and correctly signed: the same sign as the float64 value rounded to
     * float (so a value that underflows to ±0 may be ±0, but a positive slope may not come out as 0).
     *
     * <p>The float64 values come from {@link #float64Definition()}. Without one, for a
     * {@link ScalarActivation}, {@code forward} is compared with the plugin's own {@code value(double)},
     * and {@code backward} with the five-point central difference of {@code value(double)} (step 1e-3,
     * allowed 1e-9 absolute on top of the relative tolerance for the difference's own error, away from
     * {@link #kinks()} by {@link #kinkMargin()}); at ±20 and ±40 signs are compared with
     * {@code value(double)} and with a central difference where that is non-zero. An activation that is
     * not scalar and gives no definition is only checked to be finite everywhere.
     *
     * <p>The usual failure is a derivative computed from the cached float output {@code y}, as
     * {@code 1 − y²}, {@code y(1 − y)} or {@code y + α}: where {@code f} saturates, {@code y} rounds to
     * (or within a few ulps of) its limit and the difference cancels, which puts tanh′ off by 2e-3 at
     * |x| ≈ 7 and makes it 0 at |x| = 20. Compute the derivative from {@code x} instead.
     */
    @Test
    public void float32_matchesTheFloat64DefinitionInTheTails() {
        Activation f = instance();
        int n = ACCURACY_POINTS + TAIL_INPUTS.length;
        float[] z = new float[n];
        for (int i = 0; i < ACCURACY_POINTS; i++) {
            z[i] = (float) ((i - (ACCURACY_POINTS - 1) / 2) / 200.0);
        }
        System.arraycopy(TAIL_INPUTS, 0, z, ACCURACY_POINTS, TAIL_INPUTS.length);
        float[] a = new float[n];
        f.forward(z, a, 0, n);
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        float[] gradIn = new float[n];
        f.backward(z, a, ones, gradIn, 0, n);

        Optional<Float64Definition> definition = float64Definition();
        ScalarActivation scalar = f instanceof ScalarActivation s ? s : null;
        double tolerance = float32RelativeTolerance();
        List<String> failures = new ArrayList<>();
        double worstValue = 0;
        double worstSlope = 0;
        for (int i = 0; i < n; i++) {
            double x = z[i];
            boolean tail = i >= ACCURACY_POINTS;
            if (!Float.isFinite(a[i]) || !Float.isFinite(gradIn[i])) {
                failures.add("at x=" + x + " forward gave " + a[i] + " and backward " + gradIn[i]
                        + ", expected finite values");
                continue;
            }
            double value;
            double slope;
            double slopeSlack = 0;
            if (definition.isPresent()) {
                value = definition.get().value().applyAsDouble(x);
                slope = nearKink(x, 1e-9) ? Double.NaN : definition.get().derivative().applyAsDouble(x);
            } else if (scalar != null) {
                value = scalar.value(x);
                if (tail) {
                    double h = 1e-3 * Math.abs(x);
                    slope = (scalar.value(x + h) - scalar.value(x - h)) / (2 * h);
                    slope = slope == 0 ? Double.NaN : slope;
                } else {
                    slope = nearKink(x, kinkMargin()) ? Double.NaN : fivePointSlope(scalar, x);
                    slopeSlack = FIVE_POINT_ABSOLUTE;
                }
            } else {
                continue;
            }
            if (tail) {
                checkSign("forward", x, value, a[i], failures);
                if (!Double.isNaN(slope)) {
                    checkSign("backward", x, slope, gradIn[i], failures);
                }
                continue;
            }
            double valueError = relativeError(a[i], value);
            worstValue = Math.max(worstValue, valueError);
            if (valueError > tolerance) {
                failures.add(String.format(Locale.ROOT,
                        "forward at x=%s is %s but %s gives %s (relative error %.2e > %.0e)",
                        x, a[i], definition.isPresent() ? "the float64 definition" : "value(double)", value,
                        valueError, tolerance));
            }
            if (!Double.isNaN(slope)) {
                double slopeError = Math.max(0, Math.abs(gradIn[i] - slope) - slopeSlack)
                        / Math.max(Math.abs(slope), RELATIVE_FLOOR);
                worstSlope = Math.max(worstSlope, slopeError);
                if (slopeError > tolerance) {
                    failures.add(String.format(Locale.ROOT, "backward at x=%s: analytic derivative = %s, %s = %s"
                            + " (relative error %.2e > %.0e)", x, gradIn[i], definition.isPresent()
                            ? "float64 derivative" : "finite-difference estimate (five-point, of value(double))",
                            slope, slopeError, tolerance));
                }
            }
        }
        double worstForward = worstValue;
        double worstBackward = worstSlope;
        assertTrue(failures.isEmpty(), () -> f.id() + ": the float32 passes are not accurate to "
                + tolerance + " relative on [-7, 7] or not finite and correctly signed at ±20, ±40 ("
                + failures.size() + " failures; worst relative errors: forward "
                + String.format(Locale.ROOT, "%.2e", worstForward) + ", backward "
                + String.format(Locale.ROOT, "%.2e", worstBackward) + "). First failures:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(8, failures.size())))
                + "\nIf the derivative uses the cached output y (1 − y², y(1 − y), y + α), compute it from x"
                + " instead: where f saturates y rounds to its limit and the difference cancels. Evaluate"
                + " exponentials as e^(−|x|) so that nothing overflows, and work in double, rounding once.");
    }

    // Bulk versus scalar, ranges and aliasing

    @Test
    public void forward_matchesScalarInsideRangeAndLeavesTheRestUntouched() {
        Activation f = instance();
        float[] z = sampleInputs(seed() + 2, true);
        float[] zBefore = z.clone();
        float[] reference = reference(f, z);
        float[] out = filled(UNTOUCHED);

        f.forward(z, out, FROM, TO);

        assertArrayEquals(zBefore, z, f.id() + ": forward must not change its input");
        for (int i = 0; i < LENGTH; i++) {
            if (i < FROM || i >= TO) {
                assertEquals(UNTOUCHED, out[i], f.id() + ": out[" + i + "] lies outside [from, to)");
            } else {
                assertClose(expectedValue(f, z[i], reference[i]), out[i], f.id() + ": forward at input z = " + z[i]
                        + " (index " + i + ") against "
                        + (f instanceof ScalarActivation ? "value(z)" : "the whole-range forward"));
            }
        }
    }

    @Test
    public void backward_matchesScalarInsideRangeAndLeavesTheRestUntouched() {
        Activation f = instance();
        float[] z = sampleInputs(seed() + 3, true);
        float[] a = new float[LENGTH];
        f.forward(z, a, 0, LENGTH);
        float[] gradOut = sampleInputs(seed() + 4, false);
        float[] gradOutBefore = gradOut.clone();
        float[] zBefore = z.clone();
        float[] aBefore = a.clone();
        float[] whole = new float[LENGTH];
        f.backward(z, a, gradOut, whole, 0, LENGTH);
        float[] gradIn = filled(UNTOUCHED);

        f.backward(z, a, gradOut, gradIn, FROM, TO);

        assertArrayEquals(gradOutBefore, gradOut, f.id() + ": backward must not change gradOut");
        assertArrayEquals(zBefore, z, f.id() + ": backward must not change z");
        assertArrayEquals(aBefore, a, f.id() + ": backward must not change a");
        for (int i = 0; i < LENGTH; i++) {
            if (i < FROM || i >= TO) {
                assertEquals(UNTOUCHED, gradIn[i], f.id() + ": gradIn[" + i + "] lies outside [from, to)");
            } else {
                double expected = f instanceof ScalarActivation s
                        ? gradOut[i] * s.derivative(z[i], a[i]) : whole[i];
                assertClose(expected, gradIn[i], f.id() + ": bulk backward at input z = " + z[i] + " (index " + i
                        + ", gradOut = " + gradOut[i] + ") against " + (f instanceof ScalarActivation
                        ? "gradOut × derivative(z, a)" : "the whole-range backward"));
            }
        }
    }

    @Test
    public void forward_inPlaceGivesTheSameResultAsSeparateArrays() {
        Activation f = instance();
        float[] z = sampleInputs(seed() + 5, true);
        float[] separate = z.clone();
        f.forward(z, separate, FROM, TO);

        float[] aliased = z.clone();
        f.forward(aliased, aliased, FROM, TO);

        assertArrayEquals(separate, aliased, f.id() + ": forward with out == z");
    }

    @Test
    public void backward_inPlaceGivesTheSameResultAsSeparateArrays() {
        Activation f = instance();
        float[] z = sampleInputs(seed() + 6, true);
        float[] a = new float[LENGTH];
        f.forward(z, a, 0, LENGTH);
        float[] gradOut = sampleInputs(seed() + 7, false);
        float[] separate = gradOut.clone();
        f.backward(z, a, gradOut, separate, FROM, TO);

        float[] aliased = gradOut.clone();
        f.backward(z, a, aliased, aliased, FROM, TO);

        assertArrayEquals(separate, aliased, f.id() + ": backward with gradIn == gradOut");
    }

    @Test
    public void bulkMethods_doNothingOnAnEmptyRange() {
        Activation f = instance();
        float[] z = sampleInputs(seed() + 8, true);
        float[] out = filled(UNTOUCHED);
        f.forward(z, out, FROM, FROM);
        f.backward(z, z, z, out, FROM, FROM);
        assertArrayEquals(filled(UNTOUCHED), out, f.id() + ": forward or backward wrote into an empty range");
    }

    // Non-finite inputs

    /** NaN must survive the forward pass, scalar and bulk, so that core can detect a diverging network. */
    @Test
    public void forward_propagatesNanWithoutLeakingIntoNeighbours() {
        Activation f = instance();
        if (f instanceof ScalarActivation s) {
            assertTrue(Double.isNaN(s.value(Double.NaN)), f.id() + ": value(NaN) must be NaN");
        }
        float[] out = {0f, 0f, 0f};
        assertDoesNotThrow(() -> f.forward(new float[] {1f, Float.NaN, -1f}, out, 0, 3), f.id() + ": forward(NaN)");
        assertTrue(Float.isNaN(out[1]), f.id() + ": forward(NaN) was " + out[1]);
        assertFalse(Float.isNaN(out[0]) || Float.isNaN(out[2]), f.id() + ": NaN must not leak into neighbours");
    }

    /** NaN and ±infinity must never throw, forward or backward: core checks for divergence itself. */
    @Test
    public void nonFiniteInputs_neverThrow() {
        Activation f = instance();
        float[] z = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f};
        float[] a = new float[z.length];
        assertDoesNotThrow(() -> f.forward(z, a, 0, z.length), f.id() + ": forward of NaN/±infinity");
        float[] gradIn = new float[z.length];
        assertDoesNotThrow(() -> f.backward(z, a, new float[] {1f, 1f, 1f, 1f}, gradIn, 0, z.length),
                f.id() + ": backward of NaN/±infinity");
        assertFalse(Float.isNaN(a[3]), f.id() + ": f(0) next to non-finite inputs was NaN");
        if (f instanceof ScalarActivation s) {
            for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                assertDoesNotThrow(() -> s.value(x), f.id() + ": value(" + x + ")");
                assertDoesNotThrow(() -> s.derivative(x, s.value(x)), f.id() + ": derivative(" + x + ")");
            }
        }
    }

    // Hyperparameters

    @Test
    public void hyperparameters_changedCopyStillComputes() {
        Activation f = instance();
        for (Map.Entry<String, Object> setting : f.hyperparameters().asMap().entrySet()) {
            String name = setting.getKey();
            Object changed = changedSetting(name, setting.getValue());
            if (changed == null) {
                continue;
            }
            Activation copy = f.withHyperparameters(Hyperparameters.of(Map.of(name, changed)));
            float[] out = new float[3];
            copy.forward(new float[] {-1f, 0.5f, 2f}, out, 0, 3);
            for (float v : out) {
                assertFalse(Float.isNaN(v), f.id() + ": the copy with '" + name + "' changed computes NaN");
            }
        }
    }

    // Helpers

    private static double relativeError(double found, double expected) {
        return Math.abs(found - expected) / Math.max(Math.abs(expected), RELATIVE_FLOOR);
    }

    /** The five-point central difference of {@code value} at {@code x}: error O(h⁴). */
    private static double fivePointSlope(ScalarActivation f, double x) {
        double h = FIVE_POINT_H;
        return (f.value(x - 2 * h) - 8 * f.value(x - h) + 8 * f.value(x + h) - f.value(x + 2 * h)) / (12 * h);
    }

    /** {@code found} must have the sign of {@code expected} rounded to float (±0 counts as 0). */
    private static void checkSign(String pass, double x, double expected, float found, List<String> failures) {
        float rounded = (float) expected;
        if (Math.signum(rounded) != Math.signum(found)) {
            failures.add(pass + " at x=" + x + " is " + found + " but the float64 value is " + expected
                    + " (" + rounded + " in float): the sign is wrong");
        }
    }

    private ScalarActivation scalarOrSkip() {
        Activation f = instance();
        assumeTrue(f instanceof ScalarActivation, f.id() + " is not a ScalarActivation");
        return (ScalarActivation) f;
    }

    private boolean nearKink(double x, double margin) {
        for (double kink : kinks()) {
            if (Math.abs(x - kink) <= margin) {
                return true;
            }
        }
        return false;
    }

    /** Whole-range bulk forward, the reference for activations that are not scalar. */
    private static float[] reference(Activation f, float[] z) {
        float[] out = new float[z.length];
        f.forward(z, out, 0, z.length);
        return out;
    }

    private static double expectedValue(Activation f, float z, float wholeRange) {
        return f instanceof ScalarActivation s ? s.value(z) : wholeRange;
    }

    /**
     * Uniform values in [sampleMin, sampleMax]; with {@code extremes}, also saturating values and
     * signed zeros inside [FROM, TO).
     */
    private float[] sampleInputs(long seed, boolean extremes) {
        Random random = new Random(seed);
        float[] values = new float[LENGTH];
        double span = sampleMax() - sampleMin();
        for (int i = 0; i < LENGTH; i++) {
            values[i] = (float) (sampleMin() + random.nextDouble() * span);
        }
        if (extremes) {
            float[] special = {-100f, -30f, -0f, 0f, 30f, 100f};
            System.arraycopy(special, 0, values, FROM + 3, special.length);
        }
        return values;
    }

    private static float[] filled(float value) {
        float[] array = new float[LENGTH];
        Arrays.fill(array, value);
        return array;
    }

    private void assertClose(double expected, float actual, String what) {
        if (Double.isNaN(expected)) {
            assertTrue(Float.isNaN(actual), what + ": expected NaN but was " + actual);
            return;
        }
        double tolerance = bulkRelativeTolerance() * Math.abs(expected) + Float.MIN_NORMAL;
        assertEquals(expected, actual, tolerance, what);
    }
}
