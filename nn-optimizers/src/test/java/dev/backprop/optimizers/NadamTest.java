package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
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
    Map<String, Object> expectedDefaults() {
        return Map.of("learning_rate", 0.002, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-7,
                "momentum_schedule", "dozat", "momentum_decay", 0.004);
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
                new OutOfRange("epsilon", -1e-7, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("momentum_decay", -0.004, "[0, 3.4028235E38]"));
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

    private static Nadam constant(double eta, double beta1, double beta2, double eps) {
        return new Nadam(eta, beta1, beta2, eps, Nadam.CONSTANT, Nadam.DEFAULT_MOMENTUM_DECAY);
    }

    @Test
    void constantSchedule_matchesTwoStepsComputedInDouble() {
        Nadam nadam = constant(0.1, 0.9, 0.999, 1e-7);
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
    void constantSchedule_looksAheadOfAdamOnAConstantGradient() {
        float[] viaNadam = {0f};
        float[] viaAdam = {0f};
        OptimizerState nadamState = new OptimizerState(2, 1);
        OptimizerState adamState = new OptimizerState(2, 1);
        nadamState.advance();
        adamState.advance();

        constant(0.01, 0.9, 0.999, 1e-8).update(viaNadam, new float[] {1f}, nadamState);
        new Adam(0.01, 0.9, 0.999, 1e-8).update(viaAdam, new float[] {1f}, adamState);

        // Adam moves by η; Nadam by η·(1 + β₁(1 − β₁)/(1 − β₁²)) = η·(1 + β₁/(1 + β₁))
        assertEquals(-0.01, viaAdam[0], 1e-7);
        assertEquals(-0.01 * (1 + 0.9 / 1.9), viaNadam[0], 1e-7);
    }

    /**
     * Dozat's schedule by hand at t = 1, g = 1, η = 0.01, β₁ = 0.9, ψ = 0.004: μ₁ = 0.9·(1 − ½·0.96^0.004),
     * μ₂ = 0.9·(1 − ½·0.96^0.008); m = 0.1, v̂ = 1, so w moves by 0.01·(μ₂·0.1/(1 − μ₁μ₂) + (1 − μ₁)/(1 − μ₁)).
     */
    @Test
    void dozatSchedule_firstStepMatchesTheFormula() {
        double mu1 = 0.9 * (1 - 0.5 * Math.pow(0.96, 0.004));
        double mu2 = 0.9 * (1 - 0.5 * Math.pow(0.96, 0.008));
        float[] w = {0f};
        OptimizerState state = new OptimizerState(2, 1);
        state.advance();

        new Nadam(0.01, 0.9, 0.999, 1e-8).update(w, new float[] {1f}, state);

        assertEquals(-0.01 * (mu2 * 0.1 / (1 - mu1 * mu2) + 1), w[0], 1e-8);
    }

    @Test
    void schedules_areChosenByTheTextSettingAndDiffer() {
        Nadam dozat = new Nadam();
        Nadam constant = dozat.withHyperparameters(Hyperparameters.of(Nadam.MOMENTUM_SCHEDULE, "constant"));
        assertEquals(constant(0.002, 0.9, 0.999, 1e-7), constant);
        assertNotEquals(dozat, constant);
        assertTrue(constant.toString().contains("momentum_schedule=constant"), constant.toString());

        float[] viaDozat = {0f};
        float[] viaConstant = {0f};
        OptimizerState dozatState = new OptimizerState(2, 1);
        OptimizerState constantState = new OptimizerState(2, 1);
        dozatState.advance();
        constantState.advance();
        dozat.update(viaDozat, new float[] {1f}, dozatState);
        constant.update(viaConstant, new float[] {1f}, constantState);
        assertNotEquals(viaConstant[0], viaDozat[0]);
    }

    @Test
    void momentumSchedule_refusesAnUnknownChoiceListingTheChoices() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> new Nadam().withHyperparameters(Hyperparameters.of(Nadam.MOMENTUM_SCHEDULE, "keras")));
        assertTrue(e.getMessage().contains("'momentum_schedule'"), e.getMessage());
        assertTrue(e.getMessage().contains("dozat, constant"), e.getMessage());
        assertThrows(InvalidHyperparameterException.class,
                () -> new Nadam(0.002, 0.9, 0.999, 1e-7, "Dozat", 0.004));
    }

    /** The constant schedule ignores ψ: the old rule, whatever momentum_decay says. */
    @Test
    void constantSchedule_ignoresMomentumDecay() {
        float[] a = {1f, -2f};
        float[] b = {1f, -2f};
        OptimizerState stateA = new OptimizerState(2, 2);
        OptimizerState stateB = new OptimizerState(2, 2);
        Nadam withDefault = new Nadam(0.01, 0.9, 0.999, 1e-7, Nadam.CONSTANT, 0.004);
        Nadam withOther = new Nadam(0.01, 0.9, 0.999, 1e-7, Nadam.CONSTANT, 3.0);
        for (int t = 1; t <= 5; t++) {
            stateA.advance();
            stateB.advance();
            float[] g = {0.5f * t, -1f / t};
            withDefault.update(a, g, stateA);
            withOther.update(b, g, stateB);
        }
        assertArrayEquals(a, b);
    }

    /**
     * The product of μᵢ is the same bits whether it is continued step by step (training), asked for
     * out of order (two parameters at different steps) or computed afresh (a resumed checkpoint).
     */
    @Test
    void momentumProduct_isTheSameWhicheverWayItIsReached() {
        Nadam stepwise = new Nadam(0.002, 0.95, 0.999, 1e-7, Nadam.DOZAT, 0.01);
        double[] expected = new double[201];
        expected[0] = 1.0;
        for (int t = 1; t <= 200; t++) {
            expected[t] = stepwise.momentumProduct(t);
        }
        for (int t = 1; t <= 200; t++) {
            double mu = 0.95 * (1 - 0.5 * Math.pow(0.96, t * 0.01));
            double plain = expected[t - 1] * mu;
            assertEquals(plain <= 0x1p-54 ? 0.0 : plain, expected[t], 0.0, "product at t=" + t);
            Nadam fresh = new Nadam(0.002, 0.95, 0.999, 1e-7, Nadam.DOZAT, 0.01);
            assertEquals(expected[t], fresh.momentumProduct(t), 0.0, "fresh at t=" + t);
        }
        assertEquals(expected[7], stepwise.momentumProduct(7), 0.0, "going back");
        assertEquals(expected[150], stepwise.momentumProduct(150), 0.0, "jumping ahead");
        assertEquals(0.0, expected[200], "negligible products are kept as 0");
        assertTrue(expected[1] > 0.45 && expected[1] < 0.48, "μ₁ ≈ 0.95/2: " + expected[1]);
    }

    /** Resuming from a checkpoint (a fresh optimizer, the step restored) continues the very same trajectory. */
    @Test
    void dozatSchedule_resumedRunMatchesAnUninterruptedOne() {
        float[] whole = {1f, -0.5f, 2f};
        OptimizerState wholeState = new OptimizerState(2, 3);
        Nadam nadam = new Nadam(0.05, 0.9, 0.999, 1e-7);
        float[] resumed = null;
        OptimizerState resumedState = null;
        Nadam afterResume = null;
        for (int t = 1; t <= 30; t++) {
            float[] g = {(float) Math.sin(t), (float) Math.cos(t), 0.1f};
            wholeState.advance();
            nadam.update(whole, g, wholeState);
            if (t == 12) {
                resumed = whole.clone();
                resumedState = new OptimizerState(2, 3);
                System.arraycopy(wholeState.slot(0), 0, resumedState.slot(0), 0, 3);
                System.arraycopy(wholeState.slot(1), 0, resumedState.slot(1), 0, 3);
                resumedState.restoreStep(12);
                afterResume = new Nadam(0.05, 0.9, 0.999, 1e-7);
            } else if (t > 12) {
                resumedState.advance();
                afterResume.update(resumed, g, resumedState);
            }
        }
        assertArrayEquals(whole, resumed);
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
        assertThrows(InvalidHyperparameterException.class,
                () -> new Nadam(0.002, 0.9, 0.999, 1e-7, Nadam.DOZAT, -0.004));
    }
}
