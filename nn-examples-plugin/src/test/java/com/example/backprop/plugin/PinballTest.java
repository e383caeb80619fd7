package com.example.backprop.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import org.junit.jupiter.api.Test;

class PinballTest {

    @Test
    void theMedianLoss_isHalfTheMeanAbsoluteError_withItsGradient() {
        float[] predicted = {1f, 3f, 2f, 2f};
        float[] target = {2f, 1f, 2f, 0f};
        float[] gradient = new float[4];

        double loss = new Pinball().evaluate(predicted, target, 2, 2, gradient);

        assertEquals(0.5 * (1 + 2 + 0 + 2) / 4, loss, 1e-12);
        assertArrayEquals(new float[] {-0.5f / 4, 0.5f / 4, 0.5f / 4, 0.5f / 4}, gradient);
    }

    @Test
    void aHighQuantile_weighsUnderPredictionMore() {
        Pinball upper = new Pinball().withHyperparameters(Hyperparameters.of(Pinball.QUANTILE, 0.9));
        float[] gradient = new float[2];

        double loss = upper.evaluate(new float[] {0f, 2f}, new float[] {1f, 1f}, 1, 2, gradient);

        assertEquals((0.9 * 1 + 0.1 * 1) / 2, loss, 1e-12);
        assertArrayEquals(new float[] {-0.45f, 0.05f}, gradient, 1e-7f);
        assertThrows(InvalidHyperparameterException.class,
                () -> new Pinball().withHyperparameters(Hyperparameters.of(Pinball.QUANTILE, 1.0)));
    }
}
