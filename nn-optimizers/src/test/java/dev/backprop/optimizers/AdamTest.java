package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new Adam();
    }

    @Override
    String expectedId() {
        return "adam";
    }

    @Override
    Map<String, Double> expectedDefaults() {
        return Map.of("learning_rate", 0.001, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8);
    }

    @Override
    int expectedSlots() {
        return 2;
    }

    @Override
    List<OutOfRange> outOfRange() {
        return List.of(
                new OutOfRange("learning_rate", -0.001, "> 0"),
                new OutOfRange("beta1", 1, "[0, 1)"),
                new OutOfRange("beta1", -0.5, "[0, 1)"),
                new OutOfRange("beta2", 1, "[0, 1)"),
                new OutOfRange("beta2", 0.999999999, "[0, 1)"), // rounds to 1 in float
                new OutOfRange("epsilon", 0, "> 0"),
                new OutOfRange("epsilon", -1e-8, "> 0"));
    }

    /**
     * At t = 1, m̂ = g and v̂ = g², so the step is η·g / (|g| + ε) = η·sign(g) up to the tiny ε: the
     * magnitude of the gradient does not matter.
     */
    @Test
    void adam_firstStepMovesEachWeightByTheLearningRateAgainstTheGradientSign() {
        float[] gradient = {1e-3f, -5f, 100f, -0.25f, 0f};
        float[] w = new float[gradient.length];
        OptimizerState state = new OptimizerState(2, gradient.length);

        state.advance();
        new Adam().update(w, gradient, state);

        float[] expected = {-0.001f, 0.001f, -0.001f, 0.001f, 0f};
        // η·ε/|g| relative deviation is at most 1e-5 here (for |g| = 1e-3).
        assertArrayEquals(expected, w, 0.001f * 1e-4f);
    }

    @Test
    void adam_matchesThreeStepsComputedByHand() {
        Adam adam = new Adam(0.1, 0.9, 0.999, 1e-8);
        float[] w = {1f, -1f};
        OptimizerState state = new OptimizerState(2, 2);

        // t = 1, g = (2, −0.5): m = (0.2, −0.05), v = (0.004, 0.00025); m̂ = g, v̂ = g²,
        // so each weight moves by 0.1·sign(g): w = (0.9, −0.9).
        state.advance();
        adam.update(w, new float[] {2f, -0.5f}, state);
        assertArrayEquals(new float[] {0.2f, -0.05f}, state.slot(Adam.FIRST_MOMENT_SLOT), 1e-7f);
        assertArrayEquals(new float[] {0.004f, 0.00025f}, state.slot(Adam.SECOND_MOMENT_SLOT), 1e-9f);
        assertArrayEquals(new float[] {0.9f, -0.9f}, w, 1e-6f);

        // t = 2, g = (−1, −0.5): m = (0.08, −0.095), v = (0.004996, 0.00049975).
        // 1 − β₁² = 0.19, 1 − β₂² = 0.001999. Weight 0: m̂ = 0.4210526, v̂ = 2.4992496, √v̂ = 1.5809015,
        // step 0.1·0.4210526/1.5809015 = 0.0266337, w = 0.8733663. Weight 1 saw a constant gradient,
        // so m̂ = −0.5, v̂ = 0.25 exactly and it moves by 0.1 again: w = −0.8.
        state.advance();
        adam.update(w, new float[] {-1f, -0.5f}, state);
        assertArrayEquals(new float[] {0.08f, -0.095f}, state.slot(Adam.FIRST_MOMENT_SLOT), 1e-7f);
        assertArrayEquals(new float[] {0.004996f, 0.00049975f}, state.slot(Adam.SECOND_MOMENT_SLOT), 1e-9f);
        assertArrayEquals(new float[] {0.8733663f, -0.8f}, w, 1e-6f);

        // t = 3, g = (0.5, 0): m = (0.122, −0.0855), v = (0.005241004, 0.00049925025).
        // 1 − β₁³ = 0.271, 1 − β₂³ = 0.002997001. Weight 0: m̂ = 0.4501845, √v̂ = 1.3224029, step
        // 0.0340429, w = 0.8393234. Weight 1: m̂ = −0.3154982, √v̂ = 0.4081461, step −0.0773003,
        // w = −0.7226997.
        state.advance();
        adam.update(w, new float[] {0.5f, 0f}, state);
        assertArrayEquals(new float[] {0.8393234f, -0.7226997f}, w, 1e-6f);
    }

    @Test
    void adam_biasCorrectionMakesEveryStepOfAConstantGradientExactlyTheLearningRate() {
        Adam adam = new Adam(0.01, 0.9, 0.999, 1e-8);
        float[] w = {0f};
        OptimizerState state = new OptimizerState(2, 1);
        for (int t = 1; t <= 20; t++) {
            state.advance();
            float before = w[0];
            adam.update(w, new float[] {0.3f}, state);
            assertEquals(-0.01, w[0] - before, 1e-6, "step " + t);
        }
    }

    @Test
    void adam_refusesAStateThatWasNotAdvanced() {
        OptimizerState fresh = new OptimizerState(2, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Adam().update(new float[1], new float[1], fresh));
        assertTrue(e.getMessage().contains("advance()"), e.getMessage());
    }

    @Test
    void adam_constructorRejectsOutOfRangeValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new Adam(0.001, 0.9, 0.999, Double.NaN));
        assertThrows(InvalidHyperparameterException.class, () -> new Adam(0.001, 0.9, 1.0, 1e-8));
        assertThrows(InvalidHyperparameterException.class, () -> new Adam(Double.POSITIVE_INFINITY, 0.9, 0.999, 1e-8));
    }
}
