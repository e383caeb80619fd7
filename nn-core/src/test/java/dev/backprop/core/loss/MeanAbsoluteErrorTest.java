package dev.backprop.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import org.junit.jupiter.api.Test;

class MeanAbsoluteErrorTest {

    private final MeanAbsoluteError mae = new MeanAbsoluteError();

    @Test
    void averagesAbsoluteErrorsOverEveryOutputAndExample() {
        float[] gradient = new float[4];
        double value = mae.evaluate(new float[] {1f, -2f, 0.5f, 3f}, new float[] {0f, 0f, 0.5f, 1f}, 2, 2, gradient);

        assertEquals((1 + 2 + 0 + 2) / 4.0, value, 1e-9);
        assertArrayEquals(new float[] {0.25f, -0.25f, 0f, 0.25f}, gradient, 0f);
    }

    @Test
    void gradientIsZeroAtEquality() {
        float[] gradient = {9f};
        assertEquals(0.0, mae.evaluate(new float[] {0.7f}, new float[] {0.7f}, 1, 1, gradient), 0.0);
        assertEquals(0f, gradient[0], 0f);
    }

    @Test
    void readsOnlyTheBatchAndOverwritesTheGradient() {
        float[] gradient = {5f, 5f, 5f};
        double value = mae.evaluate(new float[] {2f, 100f, 100f}, new float[] {0f, 0f, 0f}, 1, 1, gradient);

        assertEquals(2.0, value, 0.0);
        assertArrayEquals(new float[] {1f, 5f, 5f}, gradient, 0f);
    }

    @Test
    void hasNoSettings() {
        assertTrue(mae.hyperparameters().isEmpty());
        assertEquals(mae, mae.withHyperparameters(Hyperparameters.none()));
        assertThrows(InvalidHyperparameterException.class, () -> mae.withHyperparameters(Hyperparameters.of("delta", 1)));
    }
}
