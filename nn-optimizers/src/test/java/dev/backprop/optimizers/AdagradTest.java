package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdagradTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new Adagrad();
    }

    @Override
    String expectedId() {
        return "adagrad";
    }

    @Override
    Map<String, Double> expectedDefaults() {
        return Map.of("learning_rate", 0.01, "epsilon", 1e-7, "initial_accumulator", 0.1);
    }

    @Override
    int expectedSlots() {
        return 1;
    }

    @Override
    List<OutOfRange> outOfRange() {
        return List.of(
                new OutOfRange("learning_rate", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("epsilon", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("epsilon", -1e-7, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("initial_accumulator", -0.1, "[0, 3.4028235E38]"),
                new OutOfRange("initial_accumulator", 1e39, "[0, 3.4028235E38]"));
    }

    /** Adagrad's steps shrink as squares accumulate; at 0.05 it covers too little ground in 200 steps. */
    @Override
    protected Hyperparameters bowlSettings() {
        return Hyperparameters.of(Optimizer.LEARNING_RATE, 0.5);
    }

    /** G ← G + g² (G starting at G₀); w ← w − η·g / (√G + ε), in double with G held directly. */
    private static void reference(double eta, double eps, double[] w, double[] accumulator, float[] g) {
        for (int i = 0; i < w.length; i++) {
            accumulator[i] += (double) g[i] * g[i];
            w[i] -= eta * g[i] / (Math.sqrt(accumulator[i]) + eps);
        }
    }

    @Test
    void adagrad_matchesTwoStepsComputedInDouble() {
        Adagrad adagrad = new Adagrad(0.1, 1e-7, 0.1);
        float[] w = {1f, -1f, 0.5f};
        OptimizerState state = new OptimizerState(1, 3);
        double[] expectedW = {1, -1, 0.5};
        double[] expectedG = {0.1, 0.1, 0.1};

        // t = 1, g = (2, −0.5, 0): G = 0.1 + g² = (4.1, 0.35, 0.1); weight 0 moves by 0.1·2/√4.1
        float[] g1 = {2f, -0.5f, 0f};
        state.advance();
        adagrad.update(w, g1, state);
        reference(0.1, 1e-7, expectedW, expectedG, g1);
        assertEquals(1 - 0.2 / (Math.sqrt(4.1) + 1e-7), w[0], 1e-6);
        // the slot holds G − G₀, the bare sum of squared gradients
        assertArrayEquals(new float[] {4f, 0.25f, 0f}, state.slot(Adagrad.SQUARED_GRADIENT_SUM_SLOT), 0f);
        assertCloseTo(expectedW, w, "w after step 1");

        // t = 2, g = (−1, −0.5, 0.25): G = (5.1, 0.6, 0.1625)
        float[] g2 = {-1f, -0.5f, 0.25f};
        state.advance();
        adagrad.update(w, g2, state);
        reference(0.1, 1e-7, expectedW, expectedG, g2);
        assertArrayEquals(new float[] {5f, 0.5f, 0.0625f}, state.slot(Adagrad.SQUARED_GRADIENT_SUM_SLOT), 0f);
        assertCloseTo(expectedW, w, "w after step 2");
    }

    @Test
    void adagrad_firstUpdateSeesTheInitialAccumulator() {
        float[] withG0 = {0f};
        float[] withoutG0 = {0f};
        OptimizerState a = new OptimizerState(1, 1);
        OptimizerState b = new OptimizerState(1, 1);
        a.advance();
        b.advance();

        new Adagrad(0.1, 1e-7, 3).update(withG0, new float[] {1f}, a);
        new Adagrad(0.1, 1e-7, 0).update(withoutG0, new float[] {1f}, b);

        // G = 3 + 1 = 4: the step is 0.1·1/2; without G₀ it is 0.1·1/1
        assertEquals(-0.05, withG0[0], 1e-7);
        assertEquals(-0.1, withoutG0[0], 1e-7);
    }

    @Test
    void adagrad_addsEpsilonAfterTheSquareRoot() {
        float[] w = {0f};
        OptimizerState state = new OptimizerState(1, 1);
        state.advance();
        new Adagrad(0.1, 0.5, 0).update(w, new float[] {2f}, state);
        // G = 4: the step is 0.1·2/(√4 + 0.5), not 0.1·2/√(4 + 0.5)
        assertEquals(-0.2 / 2.5, w[0], 1e-7);
    }

    @Test
    void adagrad_constructorRejectsOutOfRangeValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new Adagrad(0.01, 0, 0.1));
        assertThrows(InvalidHyperparameterException.class, () -> new Adagrad(0.01, 1e-7, Double.NaN));
        assertThrows(InvalidHyperparameterException.class, () -> new Adagrad(Double.NaN, 1e-7, 0.1));
    }
}
