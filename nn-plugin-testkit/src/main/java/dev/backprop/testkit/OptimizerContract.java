package dev.backprop.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract every {@link Optimizer} must keep. Extend it in your tests and implement
 * {@link #instance()}:
 *
 * <pre>{@code
 * class LionContractTest extends OptimizerContract {
 *     protected Optimizer instance() { return new Lion(); }
 * }
 * }</pre>
 *
 * Override {@link #withoutGradientFreeTerms()} when the rule moves weights without a gradient
 * (decoupled weight decay) and {@link #bowlSettings()} when it needs another learning rate to
 * descend the test bowl in {@link #bowlSteps()} steps.
 */
public abstract class OptimizerContract extends PluginContract<Optimizer> {

    /** The optimizer with its default settings. */
    protected abstract Optimizer instance();

    @Override
    protected Optimizer withHyperparameters(Optimizer plugin, Hyperparameters requested) {
        return plugin.withHyperparameters(requested);
    }

    /**
     * The optimizer with which a zero gradient must leave every parameter unchanged: the instance,
     * unless the rule also shrinks weights on its own (decoupled weight decay), which is switched off.
     */
    protected Optimizer withoutGradientFreeTerms() {
        return instance();
    }

    /** Settings, applied on top of the instance's, for the quadratic bowl: a learning rate of 0.05. */
    protected Hyperparameters bowlSettings() {
        return Hyperparameters.of(Optimizer.LEARNING_RATE, 0.05);
    }

    /** Steps allowed to shrink the bowl's loss a hundredfold: 200. */
    protected int bowlSteps() {
        return 200;
    }

    /** Seed of the random parameters and gradients; fixed so that failures repeat. */
    protected long seed() {
        return 20240603L;
    }

    @Test
    public void learningRate_isPresentPositiveAndFinite() {
        Optimizer optimizer = instance();
        assertTrue(optimizer.hyperparameters().contains(Optimizer.LEARNING_RATE),
                optimizer.id() + ": every optimizer lists '" + Optimizer.LEARNING_RATE + "': "
                        + optimizer.hyperparameters());
        double rate = optimizer.learningRate();
        assertTrue(rate > 0 && Double.isFinite(rate), optimizer.id() + ": learning rate " + rate
                + ", expected a positive finite number");
        assertEquals(optimizer.hyperparameters().get(Optimizer.LEARNING_RATE, Double.NaN), rate, 0.0,
                optimizer.id() + ": learningRate() must be the '" + Optimizer.LEARNING_RATE + "' setting");
    }

    @Test
    public void stateSlots_areNotNegativeAndConstant() {
        Optimizer optimizer = instance();
        assertTrue(optimizer.stateSlots() >= 0, optimizer.id() + ": stateSlots() " + optimizer.stateSlots()
                + ", expected 0 or more");
        assertEquals(optimizer.stateSlots(), instance().stateSlots(),
                optimizer.id() + ": stateSlots() must be constant");
    }

    @Test
    public void update_leavesParametersAloneWhileTheGradientIsZero() {
        Optimizer optimizer = withoutGradientFreeTerms();
        float[] parameter = {1.5f, -2f, 0f, 0.25f};
        float[] before = parameter.clone();
        OptimizerState state = new OptimizerState(optimizer.stateSlots(), parameter.length);
        for (int step = 0; step < 3; step++) {
            state.advance();
            optimizer.update(parameter, new float[parameter.length], state);
        }
        assertArrayEquals(before, parameter, optimizer.id() + ": a zero gradient must not move the parameters");
    }

    /** Minimises ½‖w‖², whose gradient is w itself; every rule must shrink the loss a hundredfold. */
    @Test
    public void update_descendsAQuadraticBowl() {
        Optimizer optimizer = instance().withHyperparameters(bowlSettings());
        float[] w = {3f, -2f, 0.5f};
        double initialLoss = halfSquaredNorm(w);
        OptimizerState state = new OptimizerState(optimizer.stateSlots(), w.length);
        for (int step = 0; step < bowlSteps(); step++) {
            state.advance();
            optimizer.update(w, w.clone(), state);
        }
        double finalLoss = halfSquaredNorm(w);
        assertTrue(finalLoss < initialLoss / 100, optimizer.id() + ": on ½‖w‖² from w = [3, -2, 0.5], the loss"
                + " went from " + initialLoss + " to " + finalLoss + " in " + bowlSteps() + " steps, expected a"
                + " hundredth");
    }

    /** Core splits a tensor across threads: updating two ranges must equal one whole update, bit for bit. */
    @Test
    public void update_inTwoRanges_equalsOneWholeUpdate() {
        Optimizer optimizer = instance();
        Random random = new Random(seed());
        int n = 37;
        float[] whole = new float[n];
        for (int i = 0; i < n; i++) {
            whole[i] = random.nextFloat() * 4 - 2;
        }
        float[] split = whole.clone();
        OptimizerState wholeState = new OptimizerState(optimizer.stateSlots(), n);
        OptimizerState splitState = new OptimizerState(optimizer.stateSlots(), n);
        int cut = 13;
        for (int step = 0; step < 4; step++) {
            float[] gradient = new float[n];
            for (int i = 0; i < n; i++) {
                gradient[i] = random.nextFloat() * 2 - 1;
            }
            float[] gradientBefore = gradient.clone();
            wholeState.advance();
            optimizer.update(whole, gradient, wholeState);
            splitState.advance();
            optimizer.update(split, gradient, splitState, cut, n);
            optimizer.update(split, gradient, splitState, 0, cut);
            assertArrayEquals(gradientBefore, gradient, optimizer.id() + ": update must not change the gradient");
        }
        assertArrayEquals(whole, split, optimizer.id() + ": parameters after ranges [" + cut + ", " + n + ") and [0, "
                + cut + ") must equal one whole update");
        for (int k = 0; k < optimizer.stateSlots(); k++) {
            assertArrayEquals(wholeState.slot(k), splitState.slot(k), optimizer.id() + ": state slot " + k
                    + " after two ranges must equal one whole update");
        }
    }

    /** Elements outside [from, to) are neither read nor written. */
    @Test
    public void update_ofARange_leavesTheRestUntouched() {
        Optimizer optimizer = instance();
        float[] parameter = {0.5f, -1f, 2f, 0.25f, -0.75f, 1f};
        float[] gradient = {0.1f, -0.3f, 0.7f, 0.2f, -0.05f, 0.4f};
        OptimizerState state = new OptimizerState(optimizer.stateSlots(), parameter.length);
        state.advance();
        optimizer.update(parameter, gradient, state, 2, 4);
        float[] expected = {0.5f, -1f, 0, 0, -0.75f, 1f};
        for (int i : new int[] {0, 1, 4, 5}) {
            assertEquals(expected[i], parameter[i], optimizer.id() + ": element " + i + " lies outside [2, 4)");
        }
        for (int k = 0; k < optimizer.stateSlots(); k++) {
            float[] slot = state.slot(k);
            assertEquals(0f, slot[0] + slot[1] + slot[4] + slot[5], optimizer.id() + ": state slot " + k
                    + " was written outside [2, 4)");
        }
    }

    /**
     * A range outside the parameter is refused with an exception, or at least corrupts nothing:
     * elements outside the part of [from, to) that exists keep their values.
     */
    @ParameterizedTest(name = "[{0}, {1}) of 4 values")
    @CsvSource({"1, 5", "-1, 2", "3, 1", "4, 6"})
    public void update_ofARangeOutsideTheParameter_isRefusedOrHarmless(int from, int to) {
        Optimizer optimizer = instance();
        float[] parameter = {0.5f, -1f, 2f, 0.25f};
        float[] before = parameter.clone();
        float[] gradient = {0.1f, -0.3f, 0.7f, 0.2f};
        OptimizerState state = new OptimizerState(optimizer.stateSlots(), parameter.length);
        state.advance();
        try {
            optimizer.update(parameter, gradient, state, from, to);
        } catch (RuntimeException refused) {
            // Refusing is the preferred answer; what it did before refusing is checked below.
        }
        int lo = Math.max(0, from);
        int hi = Math.min(parameter.length, to);
        for (int i = 0; i < parameter.length; i++) {
            if (i < lo || i >= hi) {
                assertEquals(before[i], parameter[i], optimizer.id() + ": element " + i + " lies outside [" + from
                        + ", " + to + ")");
            }
        }
    }

    /** withHyperparameters returns a new optimizer and leaves the original exactly as it was. */
    @Test
    public void withHyperparameters_isImmutable() {
        Optimizer original = instance();
        Hyperparameters before = original.hyperparameters();
        double rate = original.learningRate();

        Optimizer faster = original.withHyperparameters(Hyperparameters.of(Optimizer.LEARNING_RATE, rate * 4));

        String id = original.id() + ": ";
        assertNotSame(original, faster, id + "withHyperparameters must return a new optimizer");
        assertNotEquals(original, faster, id + "a changed learning rate must give an unequal optimizer");
        assertEquals(rate * 4, faster.learningRate(), 1e-12 * rate, id + "the new learning rate must read back");
        assertEquals(before, original.hyperparameters(), id + "withHyperparameters must leave the original alone");
        assertEquals(rate, original.learningRate(), 0.0, id + "withHyperparameters must leave the original alone");
        assertEquals(original, instance(), id + "two default instances must be equal");
        assertEquals(original.hashCode(), instance().hashCode(), id + "two default instances must hash alike");
    }

    private static double halfSquaredNorm(float[] w) {
        double sum = 0;
        for (float x : w) {
            sum += 0.5 * x * x;
        }
        return sum;
    }
}
