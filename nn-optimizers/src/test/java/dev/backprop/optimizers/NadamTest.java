package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NadamTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new Nadam();
    }

    @Override
    String expectedId() {
        return "nadam";
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
                new OutOfRange("beta1", -0.1, "[0, 1)"),
                new OutOfRange("epsilon", -1e-7, "[1.4E-45, 3.4028235E38]"));
    }

    /**
     * m ← β₁·m + (1 − β₁)·g; v ← β₂·v + (1 − β₂)·g²;
     * m̄ = β₁·m / (1 − β₁ᵗ⁺¹) + (1 − β₁)·g / (1 − β₁ᵗ); v̂ = v / (1 − β₂ᵗ); w ← w − η·m̄ / (√v̂ + ε), in double.
     */
    private static void reference(double eta, double beta1, double beta2, double eps, long t, double[] w,
                                  double[] m, double[] v, float[] g) {
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mBar = beta1 * m[i] / (1 - Math.pow(beta1, t + 1)) + (1 - beta1) * g[i] / (1 - Math.pow(beta1, t));
            double vHat = v[i] / (1 - Math.pow(beta2, t));
            w[i] -= eta * mBar / (Math.sqrt(vHat) + eps);
        }
    }

    @Test
    void nadam_matchesTwoStepsComputedInDouble() {
        Nadam nadam = new Nadam(0.1, 0.9, 0.999, 1e-7);
        float[] w = {1f, -1f, 0.5f};
        OptimizerState state = new OptimizerState(2, 3);
        double[] expectedW = {1, -1, 0.5};
        double[] m = new double[3];
        double[] v = new double[3];

        // t = 1, g = (2, −0.5, 0): m = 0.1·g, v̂ = g², m̄ = (0.09/0.19 + 1)·g, so each weight moves by
        // 0.1·(1 + 9/19) = 0.1473684 against sign(g)
        float[] g1 = {2f, -0.5f, 0f};
        state.advance();
        nadam.update(w, g1, state);
        reference(0.1, 0.9, 0.999, 1e-7, 1, expectedW, m, v, g1);
        assertEquals(1 - 0.1 * 28 / 19.0, w[0], 1e-6);
        assertEquals(-1 + 0.1 * 28 / 19.0, w[1], 1e-6);
        assertCloseTo(m, state.slot(Nadam.FIRST_MOMENT_SLOT), "m after step 1");
        assertCloseTo(v, state.slot(Nadam.SECOND_MOMENT_SLOT), "v after step 1");
        assertCloseTo(expectedW, w, "w after step 1");

        float[] g2 = {-1f, -0.5f, 0.25f};
        state.advance();
        nadam.update(w, g2, state);
        reference(0.1, 0.9, 0.999, 1e-7, 2, expectedW, m, v, g2);
        assertCloseTo(m, state.slot(Nadam.FIRST_MOMENT_SLOT), "m after step 2");
        assertCloseTo(v, state.slot(Nadam.SECOND_MOMENT_SLOT), "v after step 2");
        assertCloseTo(expectedW, w, "w after step 2");
    }

    @Test
    void nadam_looksAheadOfAdamOnAConstantGradient() {
        float[] viaNadam = {0f};
        float[] viaAdam = {0f};
        OptimizerState nadamState = new OptimizerState(2, 1);
        OptimizerState adamState = new OptimizerState(2, 1);
        nadamState.advance();
        adamState.advance();

        new Nadam(0.01, 0.9, 0.999, 1e-8).update(viaNadam, new float[] {1f}, nadamState);
        new Adam(0.01, 0.9, 0.999, 1e-8).update(viaAdam, new float[] {1f}, adamState);

        // Adam moves by η; Nadam by η·(1 + β₁(1 − β₁)/(1 − β₁²)) = η·(1 + β₁/(1 + β₁))
        assertEquals(-0.01, viaAdam[0], 1e-7);
        assertEquals(-0.01 * (1 + 0.9 / 1.9), viaNadam[0], 1e-7);
    }

    @Test
    void nadam_refusesAStateThatWasNotAdvanced() {
        OptimizerState fresh = new OptimizerState(2, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new Nadam().update(new float[1], new float[1], fresh));
        assertTrue(e.getMessage().contains("advance()"), e.getMessage());
    }

    @Test
    void nadam_constructorRejectsOutOfRangeValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new Nadam(0.002, 1.0, 0.999, 1e-7));
        assertThrows(InvalidHyperparameterException.class, () -> new Nadam(0.002, 0.9, 0.999, Double.NaN));
        assertThrows(InvalidHyperparameterException.class, () -> new Nadam(-1, 0.9, 0.999, 1e-7));
    }
}
