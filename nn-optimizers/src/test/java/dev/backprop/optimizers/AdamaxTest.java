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

class AdamaxTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new Adamax();
    }

    @Override
    String expectedId() {
        return "adamax";
    }

    @Override
    Map<String, Double> expectedDefaults() {
        return Map.of("learning_rate", 0.002, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-7);
    }

    @Override
    int expectedSlots() {
        return 2;
    }

    @Override
    List<OutOfRange> outOfRange() {
        return List.of(
                new OutOfRange("learning_rate", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("beta1", 1, "[0, 1)"),
                new OutOfRange("beta2", 1, "[0, 1)"),
                new OutOfRange("beta2", -0.1, "[0, 1)"),
                new OutOfRange("epsilon", 0, "[1.4E-45, 3.4028235E38]"));
    }

    /** m ← β₁·m + (1 − β₁)·g; u ← max(β₂·u, |g|); w ← w − (η / (1 − β₁ᵗ))·m / (u + ε), in double. */
    private static void reference(double eta, double beta1, double beta2, double eps, long t, double[] w,
                                  double[] m, double[] u, float[] g) {
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            u[i] = Math.max(beta2 * u[i], Math.abs(g[i]));
            w[i] -= eta / (1 - Math.pow(beta1, t)) * m[i] / (u[i] + eps);
        }
    }

    @Test
    void adamax_matchesTwoStepsComputedInDouble() {
        Adamax adamax = new Adamax(0.1, 0.9, 0.5, 1e-7);
        float[] w = {1f, -1f, 0.5f};
        OptimizerState state = new OptimizerState(2, 3);
        double[] expectedW = {1, -1, 0.5};
        double[] m = new double[3];
        double[] u = new double[3];

        // t = 1, g = (2, −0.5, 0): u = |g|, m/(1 − β₁) = g, so each weight moves by 0.1·sign(g)
        float[] g1 = {2f, -0.5f, 0f};
        state.advance();
        adamax.update(w, g1, state);
        reference(0.1, 0.9, 0.5, 1e-7, 1, expectedW, m, u, g1);
        assertArrayEquals(new float[] {0.9f, -0.9f, 0.5f}, w, 1e-6f);
        assertArrayEquals(new float[] {2f, 0.5f, 0f}, state.slot(Adamax.INFINITY_NORM_SLOT), 0f);
        assertCloseTo(m, state.slot(Adamax.FIRST_MOMENT_SLOT), "m after step 1");
        assertCloseTo(expectedW, w, "w after step 1");

        // t = 2, g = (−1, −0.5, 0.25): u = max(0.5·u, |g|) = (1, 0.5, 0.25) — weight 0 keeps the decayed
        // maximum, weight 1 the new |g|
        float[] g2 = {-1f, -0.5f, 0.25f};
        state.advance();
        adamax.update(w, g2, state);
        reference(0.1, 0.9, 0.5, 1e-7, 2, expectedW, m, u, g2);
        assertArrayEquals(new float[] {1f, 0.5f, 0.25f}, state.slot(Adamax.INFINITY_NORM_SLOT), 0f);
        assertCloseTo(m, state.slot(Adamax.FIRST_MOMENT_SLOT), "m after step 2");
        assertCloseTo(expectedW, w, "w after step 2");
    }

    @Test
    void adamax_infinityNormKeepsADecayedPeakOverSmallerGradients() {
        Adamax adamax = new Adamax(0.1, 0.9, 0.9, 1e-7);
        float[] w = {0f};
        OptimizerState state = new OptimizerState(2, 1);
        state.advance();
        adamax.update(w, new float[] {4f}, state);
        state.advance();
        adamax.update(w, new float[] {0.5f}, state);
        assertArrayEquals(new float[] {3.6f}, state.slot(Adamax.INFINITY_NORM_SLOT), 1e-6f);
    }

    @Test
    void adamax_addsEpsilonToTheInfinityNorm() {
        float[] w = {0f};
        OptimizerState state = new OptimizerState(2, 1);
        state.advance();
        new Adamax(0.1, 0.5, 0.9, 0.5).update(w, new float[] {2f}, state);
        // m = 0.5·2 = 1, u = 2: the step is (0.1/0.5)·1/(2 + 0.5)
        assertEquals(-0.2 / 2.5, w[0], 1e-7);
    }

    @Test
    void adamax_refusesAStateThatWasNotAdvanced() {
        OptimizerState fresh = new OptimizerState(2, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Adamax().update(new float[1], new float[1], fresh));
        assertTrue(e.getMessage().contains("advance()"), e.getMessage());
    }

    @Test
    void adamax_constructorRejectsOutOfRangeValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new Adamax(0.002, 0.9, 1.0, 1e-7));
        assertThrows(InvalidHyperparameterException.class, () -> new Adamax(0.002, 0.9, 0.999, 0));
        assertThrows(InvalidHyperparameterException.class, () -> new Adamax(Double.NaN, 0.9, 0.999, 1e-7));
    }
}
