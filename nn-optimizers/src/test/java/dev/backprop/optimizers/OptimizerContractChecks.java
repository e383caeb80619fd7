package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The contract every built-in optimizer must keep: id, settings, validation, immutability and
 * shape checks. Each optimizer's test extends this and adds hand-computed update steps.
 */
abstract class OptimizerContractChecks {

    /** A setting value that must be rejected, and a fragment of the valid range the message must give. */
    record OutOfRange(String name, double value, String range) {
    }

    /** The optimizer with its defaults, as ServiceLoader creates it. */
    abstract Optimizer defaults();

    /** The id it must report. */
    abstract String expectedId();

    /** Every setting with its default value. */
    abstract Map<String, Double> expectedDefaults();

    /** How many state slots the rule needs. */
    abstract int expectedSlots();

    /** Values out of range for each setting. */
    abstract List<OutOfRange> outOfRange();

    /**
     * The settings, applied on top of the defaults, under which {@link #update_descendsAQuadraticBowl}
     * runs: a learning rate of 0.05 unless a rule needs a larger one to get far in 200 steps (Adagrad's
     * steps shrink with the accumulated squares, Adadelta's start at about √ε).
     */
    Hyperparameters bowlSettings() {
        return Hyperparameters.of(Optimizer.LEARNING_RATE, 0.05);
    }

    /**
     * The optimizer with which a zero gradient must leave every parameter unchanged: the defaults,
     * unless the rule also shrinks weights on its own (decoupled weight decay), which is switched off.
     */
    Optimizer withoutGradientFreeTerms() {
        return defaults();
    }

    /**
     * Asserts that a float result matches the value the test computed in double from the formula, to
     * within float rounding: a relative error of 2e-6 (about 16 float ulps) plus 1e-9 absolute.
     */
    static void assertCloseTo(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 2e-6 * Math.abs(expected[i]) + 1e-9;
            assertEquals(expected[i], actual[i], tolerance, what + "[" + i + "]");
        }
    }

    @Test
    void id_isTheExpectedBareBuiltInId() {
        PluginId id = defaults().id();
        assertEquals(expectedId(), id.value());
        assertTrue(id.isBuiltInNamespace(), "built-ins use bare ids, found " + id);
    }

    @Test
    void hyperparameters_listEverySettingWithItsDefault() {
        assertEquals(new TreeMap<>(expectedDefaults()), defaults().hyperparameters().asMap());
        assertEquals(expectedDefaults().get(Optimizer.LEARNING_RATE), defaults().learningRate(), 0.0);
    }

    @Test
    void stateSlots_matchTheUpdateRule() {
        assertEquals(expectedSlots(), defaults().stateSlots());
    }

    @Test
    void withHyperparameters_roundTripsEverySetting() {
        Hyperparameters changed = Hyperparameters.none();
        for (Map.Entry<String, Double> e : expectedDefaults().entrySet()) {
            changed = changed.with(e.getKey(), e.getValue() / 2);
        }

        Optimizer copy = defaults().withHyperparameters(changed);

        assertEquals(changed, copy.hyperparameters());
        assertEquals(expectedDefaults().get(Optimizer.LEARNING_RATE) / 2, copy.learningRate(), 0.0);
        assertEquals(expectedId(), copy.id().value());
    }

    @Test
    void withHyperparameters_keepsSettingsThatAreNotGiven() {
        Optimizer copy = defaults().withHyperparameters(Hyperparameters.of(Optimizer.LEARNING_RATE, 0.5));

        Map<String, Double> expected = new TreeMap<>(expectedDefaults());
        expected.put(Optimizer.LEARNING_RATE, 0.5);
        assertEquals(expected, copy.hyperparameters().asMap());
    }

    @Test
    void withHyperparameters_leavesTheOriginalUnchanged() {
        Optimizer original = defaults();
        Hyperparameters before = original.hyperparameters();

        Optimizer copy = original.withHyperparameters(Hyperparameters.of(Optimizer.LEARNING_RATE, 0.5));

        assertEquals(before, original.hyperparameters());
        assertEquals(expectedDefaults().get(Optimizer.LEARNING_RATE), original.learningRate(), 0.0);
        assertNotEquals(original, copy);
    }

    @Test
    void withHyperparameters_ofNothingChangesNothing() {
        assertEquals(defaults(), defaults().withHyperparameters(Hyperparameters.none()));
        assertEquals(defaults(), defaults().withHyperparameters(defaults().hyperparameters()));
    }

    @Test
    void withHyperparameters_rejectsAnUnknownNameAndNamesIt() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> defaults().withHyperparameters(Hyperparameters.of("learningrate", 0.1)));

        assertTrue(e.getMessage().contains("'learningrate'"), e.getMessage());
        assertTrue(e.getMessage().contains(expectedId()), e.getMessage());
        assertTrue(e.getMessage().contains(Optimizer.LEARNING_RATE), "lists the accepted names: " + e.getMessage());
    }

    @Test
    void withHyperparameters_rejectsOutOfRangeValuesNamingSettingValueAndRange() {
        for (OutOfRange bad : outOfRange()) {
            InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                    () -> defaults().withHyperparameters(Hyperparameters.of(bad.name(), bad.value())),
                    bad.toString());
            String message = e.getMessage();
            assertTrue(message.contains("'" + bad.name() + "'"), message);
            assertTrue(message.contains("'" + expectedId() + "'"), message);
            assertTrue(message.contains(String.valueOf(bad.value())), message);
            assertTrue(message.contains(bad.range()), message);
        }
    }

    @Test
    void update_rejectsAGradientOfAnotherLength() {
        OptimizerState state = new OptimizerState(expectedSlots(), 3);
        state.advance();

        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> defaults().update(new float[3], new float[2], state));

        assertEquals(3, e.expected());
        assertEquals(2, e.actual());
    }

    @Test
    void update_rejectsAStateWithTheWrongSlotCount() {
        OptimizerState state = new OptimizerState(expectedSlots() + 1, 3);
        state.advance();

        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> defaults().update(new float[3], new float[3], state));

        assertEquals(expectedSlots(), e.expected());
        assertEquals(expectedSlots() + 1, e.actual());
    }

    @Test
    void update_leavesParametersAloneWhileTheGradientIsZero() {
        float[] parameter = {1.5f, -2f, 0f};
        Optimizer optimizer = withoutGradientFreeTerms();
        OptimizerState state = new OptimizerState(optimizer.stateSlots(), 3);
        for (int step = 0; step < 3; step++) {
            state.advance();
            optimizer.update(parameter, new float[3], state);
        }
        assertEquals(List.of(1.5f, -2f, 0f), List.of(parameter[0], parameter[1], parameter[2]));
    }

    /** Minimises ½‖w‖², whose gradient is w itself; every rule must shrink the loss steadily. */
    @Test
    void update_descendsAQuadraticBowl() {
        Optimizer optimizer = defaults().withHyperparameters(bowlSettings());
        float[] w = {3f, -2f, 0.5f};
        double initialLoss = halfSquaredNorm(w);
        OptimizerState state = new OptimizerState(optimizer.stateSlots(), w.length);
        for (int step = 0; step < 200; step++) {
            state.advance();
            optimizer.update(w, w.clone(), state);
        }
        assertTrue(halfSquaredNorm(w) < initialLoss / 100,
                "loss went from " + initialLoss + " to " + halfSquaredNorm(w));
    }

    @Test
    void equality_followsTheSettings() {
        assertEquals(defaults(), defaults());
        assertEquals(defaults().hashCode(), defaults().hashCode());
        Optimizer faster = defaults().withHyperparameters(Hyperparameters.of(Optimizer.LEARNING_RATE, 0.5));
        assertNotEquals(defaults(), faster);
        assertTrue(faster.toString().startsWith(expectedId()), faster.toString());
        assertTrue(faster.toString().contains("learning_rate=0.5"), faster.toString());
    }

    /** Core splits a tensor across threads: updating two ranges must equal updating the whole. */
    @Test
    void update_inTwoRanges_equalsOneWholeUpdate() {
        float[] whole = {0.5f, -1f, 2f, 0.25f, -0.75f};
        float[] split = whole.clone();
        float[] gradient = {0.1f, -0.3f, 0.7f, 0.2f, -0.05f};
        OptimizerState wholeState = new OptimizerState(expectedSlots(), whole.length);
        OptimizerState splitState = new OptimizerState(expectedSlots(), whole.length);
        for (int step = 0; step < 3; step++) {
            wholeState.advance();
            defaults().update(whole, gradient, wholeState);
            splitState.advance();
            defaults().update(split, gradient, splitState, 0, 2);
            defaults().update(split, gradient, splitState, 2, 5);
        }
        assertEquals(java.util.Arrays.toString(whole), java.util.Arrays.toString(split));
    }

    @Test
    void update_rangeOutsideTheParameter_isRefusedWithTheBounds() {
        OptimizerState state = new OptimizerState(expectedSlots(), 3);
        state.advance();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> defaults().update(new float[3], new float[3], state, 1, 4));
        assertTrue(e.getMessage().contains("elements [1, 4) of a parameter with 3 values"), e.getMessage());
    }

    private static double halfSquaredNorm(float[] w) {
        double sum = 0;
        for (float x : w) {
            sum += 0.5 * x * x;
        }
        return sum;
    }
}
