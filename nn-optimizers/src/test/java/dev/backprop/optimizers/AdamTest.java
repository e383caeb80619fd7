package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.Arrays;
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
    Map<String, ?> expectedDefaults() {
        return Map.of("learning_rate", 0.001, "beta1", 0.9, "beta2", 0.999, "epsilon", 1e-8, "amsgrad", false);
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
                new OutOfRange("beta1", -0.5, "[0, 1)"),
                new OutOfRange("beta2", 1, "[0, 1)"),
                new OutOfRange("beta2", 0.999999999, "[0, 1)"), // rounds to 1 in float
                new OutOfRange("epsilon", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("epsilon", -1e-8, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("amsgrad", 0.5, "true or false"),
                new OutOfRange("amsgrad", 2, "true or false"),
                new OutOfRange("amsgrad", -1, "true or false"));
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

    private static final Adam AMSGRAD = new Adam().withHyperparameters(Hyperparameters.of(Adam.AMSGRAD, true));

    /**
     * Adam with AMSGrad in double: m and v as in Adam, v̂max ← max(v̂max, v),
     * w ← w − η·(m / (1 − β₁ᵗ)) / (√(v̂max / (1 − β₂ᵗ)) + ε).
     */
    private static void amsgradReference(double eta, double beta1, double beta2, double eps, long t, double[] w,
                                         double[] m, double[] v, double[] vMax, float[] g) {
        for (int i = 0; i < w.length; i++) {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i];
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i];
            vMax[i] = Math.max(vMax[i], v[i]);
            double mHat = m[i] / (1 - Math.pow(beta1, t));
            w[i] -= eta * mHat / (Math.sqrt(vMax[i] / (1 - Math.pow(beta2, t))) + eps);
        }
    }

    /** Files written before switches existed hold amsgrad as the number 1.0 or 0.0: they still load. */
    @Test
    void amsgrad_fromAnOldFile_isReadAsASwitch() {
        Adam on = new Adam().withHyperparameters(Hyperparameters.of(Adam.AMSGRAD, 1.0));
        assertEquals(AMSGRAD, on);
        assertEquals(Boolean.TRUE, on.hyperparameters().value(Adam.AMSGRAD));
        Adam off = AMSGRAD.withHyperparameters(Hyperparameters.of(Adam.AMSGRAD, 0.0));
        assertEquals(new Adam(), off);
        assertEquals(Boolean.FALSE, off.hyperparameters().value(Adam.AMSGRAD));
        Adam defaults = new Adam();
        assertSame(defaults, defaults.withHyperparameters(Hyperparameters.of(Adam.AMSGRAD, 0.0)),
                "0.0 is the default false: nothing changes");
    }

    @Test
    void amsgrad_refusesTextAndOtherNumbers() {
        InvalidHyperparameterException text = assertThrows(InvalidHyperparameterException.class,
                () -> new Adam().withHyperparameters(Hyperparameters.of(Adam.AMSGRAD, "yes")));
        assertTrue(text.getMessage().contains("must be true or false"), text.getMessage());
        assertTrue(text.getMessage().contains("but was the text 'yes'"), text.getMessage());
    }

    @Test
    void amsgrad_isAnOptInSwitchThatAddsAThirdSlot() {
        assertFalse(new Adam().amsgrad());
        assertEquals(2, new Adam().stateSlots());
        assertTrue(AMSGRAD.amsgrad());
        assertEquals(3, AMSGRAD.stateSlots());
        assertEquals(Boolean.TRUE, AMSGRAD.hyperparameters().value(Adam.AMSGRAD));
        assertEquals(new Adam(0.001, 0.9, 0.999, 1e-8, true), AMSGRAD);
        assertEquals(new Adam(), AMSGRAD.withHyperparameters(Hyperparameters.of(Adam.AMSGRAD, false)));
        assertTrue(AMSGRAD.toString().contains("amsgrad=true"), AMSGRAD.toString());

        OptimizerState twoSlots = new OptimizerState(2, 3);
        twoSlots.advance();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> AMSGRAD.update(new float[3], new float[3], twoSlots));
        assertEquals(3, e.expected());
        assertEquals(2, e.actual());
    }

    /**
     * β₂ = 0.5 lets v fall quickly: a large first gradient then small ones make v drop below its
     * earlier peak, which AMSGrad keeps in slot 2 and divides by, so its steps are smaller than Adam's.
     */
    @Test
    void amsgrad_matchesTwoStepsComputedInDoubleWhenTheSecondMomentDecreases() {
        Adam amsgrad = new Adam(0.1, 0.9, 0.5, 1e-8, true);
        Adam plain = new Adam(0.1, 0.9, 0.5, 1e-8);
        float[] w = {1f, -1f, 0.5f};
        float[] wPlain = w.clone();
        OptimizerState state = new OptimizerState(3, 3);
        OptimizerState plainState = new OptimizerState(2, 3);
        double[] expectedW = {1, -1, 0.5};
        double[] m = new double[3];
        double[] v = new double[3];
        double[] vMax = new double[3];

        // t = 1, g = (4, −2, 0.25): v = 0.5·g² = (8, 2, 0.03125) = v̂max; same step as Adam
        float[] g1 = {4f, -2f, 0.25f};
        state.advance();
        plainState.advance();
        amsgrad.update(w, g1, state);
        plain.update(wPlain, g1, plainState);
        amsgradReference(0.1, 0.9, 0.5, 1e-8, 1, expectedW, m, v, vMax, g1);
        assertArrayEquals(new float[] {8f, 2f, 0.03125f}, state.slot(Adam.MAX_SECOND_MOMENT_SLOT), 0f);
        assertCloseTo(expectedW, w, "w after step 1");
        assertArrayEquals(wPlain, w, 0f);

        // t = 2, g = (0.5, −0.5, 1): v = 0.5·v + 0.5·g² = (4.125, 1.125, 0.515625). Weights 0 and 1 keep
        // their earlier peaks (8, 2) in v̂max; weight 2's second moment grew, so it takes the new v.
        float[] g2 = {0.5f, -0.5f, 1f};
        state.advance();
        plainState.advance();
        amsgrad.update(w, g2, state);
        plain.update(wPlain, g2, plainState);
        amsgradReference(0.1, 0.9, 0.5, 1e-8, 2, expectedW, m, v, vMax, g2);
        assertArrayEquals(new float[] {4.125f, 1.125f, 0.515625f}, state.slot(Adam.SECOND_MOMENT_SLOT), 0f);
        assertArrayEquals(new float[] {8f, 2f, 0.515625f}, state.slot(Adam.MAX_SECOND_MOMENT_SLOT), 0f);
        assertCloseTo(m, state.slot(Adam.FIRST_MOMENT_SLOT), "m after step 2");
        assertCloseTo(expectedW, w, "w after step 2");
        // the larger denominator makes AMSGrad's second step smaller where v fell, equal where it did not
        assertTrue(Math.abs(w[0] - 0.9) < Math.abs(wPlain[0] - 0.9), w[0] + " vs Adam " + wPlain[0]);
        assertTrue(Math.abs(w[1] + 0.9) < Math.abs(wPlain[1] + 0.9), w[1] + " vs Adam " + wPlain[1]);
        assertEquals(wPlain[2], w[2], 0f);
    }

    @Test
    void amsgrad_keepsTheContract_zeroGradientTwoRangesAndBowl() {
        float[] still = {1.5f, -2f, 0f};
        OptimizerState stillState = new OptimizerState(3, 3);
        for (int step = 0; step < 3; step++) {
            stillState.advance();
            AMSGRAD.update(still, new float[3], stillState);
        }
        assertArrayEquals(new float[] {1.5f, -2f, 0f}, still, 0f);

        float[] whole = {0.5f, -1f, 2f, 0.25f, -0.75f};
        float[] split = whole.clone();
        OptimizerState wholeState = new OptimizerState(3, whole.length);
        OptimizerState splitState = new OptimizerState(3, whole.length);
        float[][] gradients = {{0.1f, -0.3f, 0.7f, 0.2f, -0.05f}, {0.01f, 0.3f, -0.07f, 0.02f, -0.5f}};
        for (int step = 0; step < 4; step++) {
            float[] gradient = gradients[step % 2];
            wholeState.advance();
            AMSGRAD.update(whole, gradient, wholeState);
            splitState.advance();
            AMSGRAD.update(split, gradient, splitState, 0, 2);
            AMSGRAD.update(split, gradient, splitState, 2, 5);
        }
        assertEquals(Arrays.toString(whole), Arrays.toString(split));

        Adam fast = AMSGRAD.withHyperparameters(Hyperparameters.of(Optimizer.LEARNING_RATE, 0.05));
        float[] w = {3f, -2f, 0.5f};
        OptimizerState state = new OptimizerState(3, 3);
        for (int step = 0; step < 200; step++) {
            state.advance();
            fast.update(w, w.clone(), state);
        }
        double loss = 0.5 * (w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        assertTrue(loss < 6.625 / 100, "loss went from 6.625 to " + loss);
    }
}
