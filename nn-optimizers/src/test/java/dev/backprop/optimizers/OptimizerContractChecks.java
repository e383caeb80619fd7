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
import dev.backprop.testkit.OptimizerContract;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The contract every built-in optimizer must keep: the plugin kit's {@link OptimizerContract} (id,
 * learning rate, zero gradient, quadratic bowl, ranges, hyperparameter round trip and immutability)
 * plus what only built-ins promise: the exact bare id, defaults and slot count, range messages and
 * {@link ShapeMismatchException}s. Each optimizer's test extends this and adds hand-computed update
 * steps; {@link #withoutGradientFreeTerms()} and {@link #bowlSettings()} are the kit's hooks.
 */
abstract class OptimizerContractChecks extends OptimizerContract {

    /** A setting value that must be rejected, and a fragment of the valid range the message must give. */
    record OutOfRange(String name, double value, String range) {
    }

    /** The optimizer with its defaults, as ServiceLoader creates it. */
    abstract Optimizer defaults();

    /** The id it must report. */
    abstract String expectedId();

    /** Every setting with its default value (numbers as Double, switches as Boolean). */
    abstract Map<String, ?> expectedDefaults();

    /** How many state slots the rule needs. */
    abstract int expectedSlots();

    /** Values out of range for each setting. */
    abstract List<OutOfRange> outOfRange();

    @Override
    protected final Optimizer instance() {
        return defaults();
    }

    /** The likely typo of {@value Optimizer#LEARNING_RATE}. */
    @Override
    protected String unknownHyperparameterName() {
        return "learningrate";
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
        assertEquals((Double) expectedDefaults().get(Optimizer.LEARNING_RATE), defaults().learningRate(), 0.0);
    }

    @Test
    void stateSlots_matchTheUpdateRule() {
        assertEquals(expectedSlots(), defaults().stateSlots());
    }

    /** The kit checks that the unknown name is refused and named; built-ins also list the accepted names. */
    @Test
    void withHyperparameters_rejectsAnUnknownNameListingTheAcceptedOnes() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> defaults().withHyperparameters(Hyperparameters.of("learningrate", 0.1)));

        assertTrue(e.getMessage().contains("'learningrate'"), e.getMessage());
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
    void equality_followsTheSettings() {
        assertEquals(defaults(), defaults());
        assertEquals(defaults().hashCode(), defaults().hashCode());
        Optimizer faster = defaults().withHyperparameters(Hyperparameters.of(Optimizer.LEARNING_RATE, 0.5));
        assertNotEquals(defaults(), faster);
        assertTrue(faster.toString().startsWith(expectedId()), faster.toString());
        assertTrue(faster.toString().contains("learning_rate=0.5"), faster.toString());
    }

    @Test
    void update_rangeOutsideTheParameter_isRefusedWithTheBounds() {
        OptimizerState state = new OptimizerState(expectedSlots(), 3);
        state.advance();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> defaults().update(new float[3], new float[3], state, 1, 4));
        assertTrue(e.getMessage().contains("elements [1, 4) of a parameter with 3 values"), e.getMessage());
    }
}
