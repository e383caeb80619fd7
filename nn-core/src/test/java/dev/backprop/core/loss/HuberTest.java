package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HuberTest {

    private static final float[] PREDICTED = {0.5f, -2f, 3f};
    private static final float[] TARGET = {0f, 0f, 0f};

    @Test
    void isQuadraticInsideDeltaAndLinearOutside() {
        float[] gradient = new float[3];
        double value = new Huber().evaluate(PREDICTED, TARGET, 1, 3, gradient);

        // ½·0.5² = 0.125;  1·(2 − ½) = 1.5;  1·(3 − ½) = 2.5.
        assertEquals((0.125 + 1.5 + 2.5) / 3, value, 1e-9);
        assertArrayEquals(new float[] {0.5f / 3, -1f / 3, 1f / 3}, gradient, 1e-7f);
    }

    @Test
    void deltaMovesTheThreshold() {
        float[] gradient = new float[3];
        double value = new Huber(2).evaluate(PREDICTED, TARGET, 1, 3, gradient);

        // ½·0.5² = 0.125;  |e| = δ: ½·2² = 2 (the linear piece agrees);  2·(3 − 1) = 4.
        assertEquals((0.125 + 2 + 4) / 3, value, 1e-9);
        assertArrayEquals(new float[] {0.5f / 3, -2f / 3, 2f / 3}, gradient, 1e-7f);
    }

    @Test
    void averagesOverEveryOutputAndExample() {
        float[] gradient = new float[4];
        double value = new Huber().evaluate(new float[] {0.5f, 0f, 0f, 3f}, new float[4], 2, 2, gradient);

        assertEquals((0.125 + 2.5) / 4, value, 1e-9);
        assertArrayEquals(new float[] {0.125f, 0f, 0f, 0.25f}, gradient, 1e-7f);
    }

    @Test
    void defaultsToDeltaOne() {
        assertEquals(Hyperparameters.of(Huber.DELTA, 1.0), new Huber().hyperparameters());
        assertEquals(1.0, new Huber().delta(), 0.0);
    }

    @Test
    void withHyperparameters_roundTrips() {
        Huber original = new Huber();

        Huber copy = original.withHyperparameters(Hyperparameters.of(Huber.DELTA, 0.5));

        assertEquals(Hyperparameters.of(Huber.DELTA, 0.5), copy.hyperparameters());
        assertEquals(0.5, copy.delta(), 0.0);
        assertEquals(new Huber(0.5), copy);
        assertEquals(new Huber(0.5).hashCode(), copy.hashCode());
        assertEquals(copy, new Huber().withHyperparameters(copy.hyperparameters()));
        assertEquals(1.0, original.delta(), 0.0);
        assertNotEquals(original, copy);
    }

    @Test
    void withHyperparameters_ofNothingChangesNothing() {
        Huber huber = new Huber(3);
        assertSame(huber, huber.withHyperparameters(Hyperparameters.none()));
        assertSame(huber, huber.withHyperparameters(Hyperparameters.of(Huber.DELTA, 3)));
    }

    @Test
    void withHyperparameters_rejectsAnUnknownNameAndListsDelta() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> new Huber().withHyperparameters(Hyperparameters.of("detla", 0.5)));

        assertTrue(e.getMessage().contains("'detla'"), e.getMessage());
        assertTrue(e.getMessage().contains("huber"), e.getMessage());
        assertTrue(e.getMessage().contains(Huber.DELTA), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1.0, -0.0})
    void withHyperparameters_rejectsADeltaThatIsNotPositive(double delta) {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> new Huber().withHyperparameters(Hyperparameters.of(Huber.DELTA, delta)));

        assertTrue(e.getMessage().contains("'delta'"), e.getMessage());
        assertTrue(e.getMessage().contains("huber"), e.getMessage());
        assertTrue(e.getMessage().contains("> 0"), e.getMessage());
        // Hyperparameters stores −0.0 as 0.0 (one setting), so the message shows 0.0 for both.
        assertTrue(e.getMessage().contains(String.valueOf(delta == 0 ? 0.0 : delta)), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -2.0, Double.NaN, Double.POSITIVE_INFINITY})
    void constructor_rejectsADeltaThatIsNotPositiveAndFinite(double delta) {
        assertThrows(InvalidHyperparameterException.class, () -> new Huber(delta));
    }
}
