package dev.backprop.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.init.WeightInitializer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link WeightInitializer}: extend it in your plugin's tests and return your
 * initialiser from {@link #instance()}.
 *
 * <pre>{@code
 * class OrthogonalContractTest extends InitializerContract {
 *     protected WeightInitializer instance() { return new Orthogonal(); }
 *     protected double expectedVariance(int fanIn, int fanOut) { return 1.0 / fanOut; }
 * }
 * }</pre>
 * It checks the id format, that every weight is written with a finite value whatever the array held
 * before, that the weights depend only on the generator (same seed, same weights), the variance when
 * {@link #expectedVariance} gives one, and the hyperparameter round trip.
 */
public abstract class InitializerContract extends PluginContract<WeightInitializer> {

    private static final int FAN_IN = 300;
    private static final int FAN_OUT = 200;

    /** The initialiser under test. */
    protected abstract WeightInitializer instance();

    @Override
    protected WeightInitializer withHyperparameters(WeightInitializer plugin, Hyperparameters requested) {
        return plugin.withHyperparameters(requested);
    }

    /**
     * The variance the weights should have for a {@code fanIn × fanOut} layer, or NaN (the default) to
     * skip the check: Glorot {@code 2/(in+out)}, He {@code 2/in}, LeCun {@code 1/in}.
     */
    protected double expectedVariance(int fanIn, int fanOut) {
        return Double.NaN;
    }

    @Test
    public void initialize_writesEveryWeightWithAFiniteValueWhateverWasThere() {
        float[] fromNaN = new float[FAN_IN * FAN_OUT];
        Arrays.fill(fromNaN, Float.NaN);
        float[] fromOnes = new float[FAN_IN * FAN_OUT];
        Arrays.fill(fromOnes, 1f);
        instance().initialize(fromNaN, FAN_IN, FAN_OUT, new SplittableRandom(3));
        instance().initialize(fromOnes, FAN_IN, FAN_OUT, new SplittableRandom(3));
        for (float w : fromNaN) {
            assertTrue(Float.isFinite(w), instance().id() + " left a non-finite weight: " + w);
        }
        assertArrayEquals(fromNaN, fromOnes, instance().id()
                + ": the weights must not depend on what the array held before");
    }

    @Test
    public void initialize_sameSeedGivesTheSameWeights() {
        float[] first = new float[FAN_IN * 4];
        float[] second = new float[FAN_IN * 4];
        instance().initialize(first, FAN_IN, 4, new SplittableRandom(11));
        instance().initialize(second, FAN_IN, 4, new SplittableRandom(11));
        assertArrayEquals(first, second, instance().id() + " must draw all randomness from the given generator");
    }

    /**
     * 60,000 draws give the sample variance within about 1% of the true one (its relative standard error
     * is √(2/n) ≈ 0.6% for a normal, less for a uniform); the check allows 3%.
     */
    @Test
    public void initialize_hasTheExpectedVariance() {
        double expected = expectedVariance(FAN_IN, FAN_OUT);
        if (Double.isNaN(expected)) {
            return;
        }
        float[] weights = new float[FAN_IN * FAN_OUT];
        instance().initialize(weights, FAN_IN, FAN_OUT, new SplittableRandom(5));
        double sum = 0;
        double squares = 0;
        for (float w : weights) {
            sum += w;
            squares += (double) w * w;
        }
        double mean = sum / weights.length;
        assertEquals(0, mean, 0.02 * Math.sqrt(expected), instance().id() + ": mean of " + weights.length
                + " weights for a " + FAN_IN + " × " + FAN_OUT + " layer");
        assertEquals(expected, squares / weights.length - mean * mean, 0.03 * expected, instance().id()
                + ": variance of " + weights.length + " weights for a " + FAN_IN + " × " + FAN_OUT + " layer");
    }
}
