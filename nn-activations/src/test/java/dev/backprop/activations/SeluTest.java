package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.testkit.Float64Definition;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

class SeluTest extends ScalarActivationChecks {

    @Override
    Float64Definition definition() {
        return Float64Definitions.selu();
    }

    private static final double LAMBDA = 1.0507009873554805;
    private static final double ALPHA = 1.6732632423543772;

    private final Selu selu = new Selu();

    /** The bulk backward reads the derivative off the float output where that is accurate: within 4·10⁻⁶. */
    @Override
    protected double bulkRelativeTolerance() {
        return 5e-6;
    }

    @Override
    ScalarActivation activation() {
        return new Selu();
    }

    @Override
    String expectedId() {
        return "selu";
    }

    @Override
    PluginId expectedInitializer() {
        return PluginId.of("lecun_normal");
    }

    /** The derivative jumps at 0 from λα ≈ 1.758 to λ ≈ 1.051. */
    @Override
    protected double[] kinks() {
        return new double[] {0};
    }

    /** Reference values computed with mpmath at 50 digits from the decimal constants. */
    @Override
    double[][] knownValues() {
        return new double[][] {
            {0, 0},
            {1, LAMBDA},
            {2, 2 * LAMBDA},
            {-1, -1.1113307378125627124},
            {-3, -1.6705687287671119007},
            {-800, -1.7580993408473767818},  // −λα
        };
    }

    @Test
    void selu_usesThePapersConstants() {
        assertEquals(LAMBDA, Selu.LAMBDA, 0.0);
        assertEquals(ALPHA, Selu.ALPHA, 0.0);
    }

    /**
     * The defining property: for z ~ N(0, 1), selu(z) has mean 0 and variance 1. Simpson's rule on
     * [−12, 0] and [0, 12] separately (the integrand is smooth on each side of the kink) with 24 000
     * intervals has an error far below the 1e-9 tolerance.
     */
    @Test
    void selu_mapsAStandardNormalToZeroMeanAndUnitVariance() {
        double mean = gaussianExpectation(selu::value);
        double secondMoment = gaussianExpectation(x -> selu.value(x) * selu.value(x));
        assertEquals(0.0, mean, 1e-9);
        assertEquals(1.0, secondMoment, 1e-9);
    }

    @Test
    void selu_derivativeIsLambdaAboveZeroAndLambdaAlphaTimesExpBelow() {
        assertEquals(LAMBDA, selu.derivative(1e-300, selu.value(1e-300)), 0.0);
        assertEquals(LAMBDA, selu.derivative(5, selu.value(5)), 0.0);
        assertEquals(LAMBDA * ALPHA, selu.derivative(0, 0), 1e-15);
        for (double x = -10; x < 0; x += 0.25) {
            assertEquals(LAMBDA * ALPHA * Math.exp(x), selu.derivative(x, selu.value(x)), 1e-15, "f'(" + x + ")");
        }
    }

    @Test
    void selu_bulkSaturatesAtMinusLambdaAlpha() {
        float[] z = {-1000f, -Float.MAX_VALUE, 2f};
        float[] a = new float[z.length];
        selu.forward(z, a, 0, z.length);
        assertEquals((float) (-LAMBDA * ALPHA), a[0]);
        assertEquals((float) (-LAMBDA * ALPHA), a[1]);
        assertEquals((float) (2 * LAMBDA), a[2]);
        float[] gradIn = new float[z.length];
        selu.backward(z, a, new float[] {1f, 1f, 1f}, gradIn, 0, z.length);
        assertTrue(Math.abs(gradIn[0]) < 1e-7f, "vanishing gradient, found " + gradIn[0]);
        assertTrue(Math.abs(gradIn[1]) < 1e-7f, "vanishing gradient, found " + gradIn[1]);
        assertEquals((float) LAMBDA, gradIn[2]);
    }

    @Test
    void selu_nanPropagatesThroughBothPasses() {
        float[] out = new float[1];
        selu.forward(new float[] {Float.NaN}, out, 0, 1);
        assertTrue(Float.isNaN(out[0]));
        float[] gradIn = new float[1];
        selu.backward(new float[] {Float.NaN}, out, new float[] {1f}, gradIn, 0, 1);
        assertTrue(Float.isNaN(gradIn[0]));
    }

    private static double gaussianExpectation(DoubleUnaryOperator g) {
        return simpson(x -> g.applyAsDouble(x) * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), -12, 0, 12_000)
                + simpson(x -> g.applyAsDouble(x) * Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI), 0, 12, 12_000);
    }

    private static double simpson(DoubleUnaryOperator f, double a, double b, int intervals) {
        double h = (b - a) / intervals;
        double sum = f.applyAsDouble(a) + f.applyAsDouble(b);
        for (int i = 1; i < intervals; i++) {
            sum += f.applyAsDouble(a + i * h) * (i % 2 == 1 ? 4 : 2);
        }
        return sum * h / 3;
    }
}
