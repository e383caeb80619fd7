package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdamWTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new AdamW();
    }

    @Override
    String expectedId() {
        return "adamw";
    }

    @Override
    Map<String, Double> expectedDefaults() {
        return Map.of("learning_rate", 0.001, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8, "weight_decay", 0.01);
    }

    @Override
    int expectedSlots() {
        return 2;
    }

    @Override
    List<OutOfRange> outOfRange() {
        return List.of(
                new OutOfRange("learning_rate", -0.001, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("beta1", 1, "[0, 1)"),
                new OutOfRange("beta2", 0.999999999, "[0, 1)"),
                new OutOfRange("epsilon", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("weight_decay", -0.01, "[0, 3.4028235E38]"),
                new OutOfRange("weight_decay", 1e39, "[0, 3.4028235E38]"));
    }

    /** Weight decay shrinks weights whatever the gradient; only without it must a zero gradient leave them alone. */
    @Override
    protected Optimizer withoutGradientFreeTerms() {
        return defaults().withHyperparameters(Hyperparameters.of(AdamW.WEIGHT_DECAY, 0));
    }

    /** Adam's moments and corrections, then w ← w − η·λ·w − η·m̂ / (√v̂ + ε), in double. */
    private static void reference(double eta, double beta1, double beta2, double eps, double lambda, long t,
                                  double[] w, double[] m, double[] v, float[] g) {
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            double mHat = m[i] / (1 - Math.pow(beta1, t));
            double vHat = v[i] / (1 - Math.pow(beta2, t));
            w[i] = w[i] - eta * lambda * w[i] - eta * mHat / (Math.sqrt(vHat) + eps);
        }
    }

    @Test
    void adamw_matchesTwoStepsComputedInDouble() {
        AdamW adamw = new AdamW(0.1, 0.9, 0.999, 1e-8, 0.5);
        float[] w = {1f, -1f, 0.5f};
        OptimizerState state = new OptimizerState(2, 3);
        double[] expectedW = {1, -1, 0.5};
        double[] m = new double[3];
        double[] v = new double[3];

        // t = 1, g = (2, −0.5, 0): the Adam part moves by 0.1·sign(g), the decay by 0.05·w:
        // w = (1 − 0.05 − 0.1, −1 + 0.05 + 0.1, 0.5 − 0.025) = (0.85, −0.85, 0.475)
        float[] g1 = {2f, -0.5f, 0f};
        state.advance();
        adamw.update(w, g1, state);
        reference(0.1, 0.9, 0.999, 1e-8, 0.5, 1, expectedW, m, v, g1);
        assertArrayEquals(new float[] {0.85f, -0.85f, 0.475f}, w, 1e-6f);
        assertCloseTo(m, state.slot(AdamW.FIRST_MOMENT_SLOT), "m after step 1");
        assertCloseTo(v, state.slot(AdamW.SECOND_MOMENT_SLOT), "v after step 1");
        assertCloseTo(expectedW, w, "w after step 1");

        float[] g2 = {-1f, -0.5f, 0.25f};
        state.advance();
        adamw.update(w, g2, state);
        reference(0.1, 0.9, 0.999, 1e-8, 0.5, 2, expectedW, m, v, g2);
        assertCloseTo(m, state.slot(AdamW.FIRST_MOMENT_SLOT), "m after step 2");
        assertCloseTo(v, state.slot(AdamW.SECOND_MOMENT_SLOT), "v after step 2");
        assertCloseTo(expectedW, w, "w after step 2");
    }

    @Test
    void adamw_shrinksWeightsByOneMinusLearningRateTimesDecayWhenTheGradientIsZero() {
        AdamW adamw = new AdamW(0.1, 0.9, 0.999, 1e-8, 0.5);
        float[] w = {2f, -4f};
        OptimizerState state = new OptimizerState(2, 2);
        for (int t = 1; t <= 3; t++) {
            state.advance();
            adamw.update(w, new float[2], state);
        }
        // three times ×(1 − 0.05)
        assertArrayEquals(new float[] {(float) (2 * Math.pow(0.95, 3)), (float) (-4 * Math.pow(0.95, 3))}, w, 1e-6f);
    }

    @Test
    void adamw_withoutWeightDecayIsExactlyAdam() {
        AdamW adamw = new AdamW(0.01, 0.9, 0.999, 1e-8, 0);
        Adam adam = new Adam(0.01, 0.9, 0.999, 1e-8);
        float[] viaAdamW = {1f, -2f, 3f};
        float[] viaAdam = viaAdamW.clone();
        OptimizerState adamwState = new OptimizerState(2, 3);
        OptimizerState adamState = new OptimizerState(2, 3);
        float[][] gradients = {{0.5f, 1f, -1f}, {2f, -0.25f, 0f}, {-1f, 1f, 4f}};
        for (float[] g : gradients) {
            adamwState.advance();
            adamState.advance();
            adamw.update(viaAdamW, g, adamwState);
            adam.update(viaAdam, g, adamState);
        }
        assertArrayEquals(viaAdam, viaAdamW, 0f);
    }

    @Test
    void adamw_refusesAStateThatWasNotAdvanced() {
        OptimizerState fresh = new OptimizerState(2, 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new AdamW().update(new float[1], new float[1], fresh));
        assertTrue(e.getMessage().contains("advance()"), e.getMessage());
    }

    @Test
    void adamw_constructorRejectsOutOfRangeValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new AdamW(0.001, 0.9, 0.999, 1e-8, -1));
        assertThrows(InvalidHyperparameterException.class, () -> new AdamW(0.001, 0.9, 0.999, 1e-8, Double.NaN));
        assertThrows(InvalidHyperparameterException.class, () -> new AdamW(0.001, 1.0, 0.999, 1e-8, 0.01));
        assertEquals(0.0, new AdamW(0.001, 0.9, 0.999, 1e-8, 0).weightDecay(), 0.0);
    }
}
