package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

class RmspropTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new Rmsprop();
    }

    @Override
    String expectedId() {
        return "rmsprop";
    }

    @Override
    Map<String, Double> expectedDefaults() {
        return Map.of("learning_rate", 0.001, "rho", 0.9, "epsilon", 1e-7, "momentum", 0.0);
    }

    @Override
    int expectedSlots() {
        return 1;
    }

    @Override
    List<OutOfRange> outOfRange() {
        return List.of(
                new OutOfRange("learning_rate", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("rho", 1, "[0, 1)"),
                new OutOfRange("rho", -0.1, "[0, 1)"),
                new OutOfRange("epsilon", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("momentum", 1, "[0, 1)"),
                new OutOfRange("momentum", -0.5, "[0, 1)"));
    }

    /** v ← ρ·v + (1 − ρ)·g²; without momentum w ← w − η·g / (√v + ε), else b ← μ·b + g / (√v + ε), w ← w − η·b. */
    private static void reference(double eta, double rho, double eps, double mu, double[] w, double[] v,
                                  double[] b, float[] g) {
        for (int i = 0; i < w.length; i++) {
            v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
            double normalised = g[i] / (Math.sqrt(v[i]) + eps);
            if (mu > 0) {
                b[i] = mu * b[i] + normalised;
                w[i] -= eta * b[i];
            } else {
                w[i] -= eta * normalised;
            }
        }
    }

    @Test
    void rmsprop_matchesTwoStepsComputedInDouble() {
        Rmsprop rmsprop = new Rmsprop(0.01, 0.9, 1e-7, 0);
        float[] w = {1f, -1f, 0.5f};
        OptimizerState state = new OptimizerState(1, 3);
        double[] expectedW = {1, -1, 0.5};
        double[] v = new double[3];

        // t = 1, g = (2, −0.5, 0): v = 0.1·g², so each weight moves by 0.01/√0.1 = 0.0316228 against sign(g)
        float[] g1 = {2f, -0.5f, 0f};
        state.advance();
        rmsprop.update(w, g1, state);
        reference(0.01, 0.9, 1e-7, 0, expectedW, v, null, g1);
        assertArrayEquals(new float[] {0.9683772f, -0.9683772f, 0.5f}, w, 1e-6f);
        assertCloseTo(v, state.slot(Rmsprop.SQUARED_GRADIENT_AVERAGE_SLOT), "v after step 1");
        assertCloseTo(expectedW, w, "w after step 1");

        float[] g2 = {-1f, -0.5f, 0.25f};
        state.advance();
        rmsprop.update(w, g2, state);
        reference(0.01, 0.9, 1e-7, 0, expectedW, v, null, g2);
        assertCloseTo(v, state.slot(Rmsprop.SQUARED_GRADIENT_AVERAGE_SLOT), "v after step 2");
        assertCloseTo(expectedW, w, "w after step 2");
    }

    @Test
    void rmsprop_withMomentumMatchesTwoStepsComputedInDouble() {
        Rmsprop rmsprop = new Rmsprop(0.01, 0.9, 1e-7, 0.5);
        float[] w = {1f, -1f, 0.5f};
        OptimizerState state = new OptimizerState(2, 3);
        double[] expectedW = {1, -1, 0.5};
        double[] v = new double[3];
        double[] b = new double[3];

        float[] g1 = {2f, -0.5f, 0f};
        state.advance();
        rmsprop.update(w, g1, state);
        reference(0.01, 0.9, 1e-7, 0.5, expectedW, v, b, g1);
        assertCloseTo(v, state.slot(Rmsprop.SQUARED_GRADIENT_AVERAGE_SLOT), "v after step 1");
        assertCloseTo(b, state.slot(Rmsprop.MOMENTUM_SLOT), "b after step 1");
        assertCloseTo(expectedW, w, "w after step 1");

        // t = 2: weight 1 sees the same gradient again, so v = 0.19·0.25, b = 0.5·b₁ + (−0.5)/√v
        float[] g2 = {-1f, -0.5f, 0.25f};
        state.advance();
        rmsprop.update(w, g2, state);
        reference(0.01, 0.9, 1e-7, 0.5, expectedW, v, b, g2);
        assertEquals(0.5 * (-1 / Math.sqrt(0.1)) - 1 / Math.sqrt(0.19), state.slot(Rmsprop.MOMENTUM_SLOT)[1], 1e-5);
        assertCloseTo(v, state.slot(Rmsprop.SQUARED_GRADIENT_AVERAGE_SLOT), "v after step 2");
        assertCloseTo(b, state.slot(Rmsprop.MOMENTUM_SLOT), "b after step 2");
        assertCloseTo(expectedW, w, "w after step 2");
    }

    @Test
    void rmsprop_keepsAVelocitySlotOnlyWithMomentum() {
        assertEquals(1, new Rmsprop().stateSlots());
        Rmsprop withMomentum = new Rmsprop().withHyperparameters(Hyperparameters.of(Rmsprop.MOMENTUM, 0.9));
        assertEquals(2, withMomentum.stateSlots());
        OptimizerState oneSlot = new OptimizerState(1, 3);
        oneSlot.advance();
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> withMomentum.update(new float[3], new float[3], oneSlot));
        assertEquals(2, e.expected());
    }

    @Test
    void rmsprop_withMomentum_inTwoRangesEqualsOneWholeUpdate() {
        Rmsprop rmsprop = new Rmsprop(0.01, 0.9, 1e-7, 0.9);
        float[] whole = {0.5f, -1f, 2f, 0.25f, -0.75f};
        float[] split = whole.clone();
        float[] gradient = {0.1f, -0.3f, 0.7f, 0.2f, -0.05f};
        OptimizerState wholeState = new OptimizerState(2, whole.length);
        OptimizerState splitState = new OptimizerState(2, whole.length);
        for (int step = 0; step < 3; step++) {
            wholeState.advance();
            rmsprop.update(whole, gradient, wholeState);
            splitState.advance();
            rmsprop.update(split, gradient, splitState, 0, 3);
            rmsprop.update(split, gradient, splitState, 3, 5);
        }
        assertEquals(Arrays.toString(whole), Arrays.toString(split));
    }

    @Test
    void rmsprop_withMomentum_leavesParametersAloneWhileTheGradientIsZeroAndDescendsABowl() {
        Rmsprop rmsprop = new Rmsprop(0.05, 0.9, 1e-7, 0.9);
        float[] still = {1.5f, -2f, 0f};
        OptimizerState stillState = new OptimizerState(2, 3);
        float[] w = {3f, -2f, 0.5f};
        OptimizerState state = new OptimizerState(2, 3);
        for (int step = 0; step < 200; step++) {
            stillState.advance();
            rmsprop.update(still, new float[3], stillState);
            state.advance();
            rmsprop.update(w, w.clone(), state);
        }
        assertArrayEquals(new float[] {1.5f, -2f, 0f}, still, 0f);
        double loss = 0.5 * (w[0] * w[0] + w[1] * w[1] + w[2] * w[2]);
        assertTrue(loss < 6.625 / 100, "loss went from 6.625 to " + loss);
    }

    @Test
    void rmsprop_addsEpsilonAfterTheSquareRoot() {
        float[] w = {0f};
        OptimizerState state = new OptimizerState(1, 1);
        state.advance();
        new Rmsprop(0.1, 0.75, 0.5, 0).update(w, new float[] {2f}, state);
        // v = 0.25·4 = 1: the step is 0.1·2/(√1 + 0.5), not 0.1·2/√(1 + 0.5)
        assertEquals(-0.2 / 1.5, w[0], 1e-7);
    }

    @Test
    void rmsprop_constructorRejectsOutOfRangeValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new Rmsprop(0.001, 1.0, 1e-7, 0));
        assertThrows(InvalidHyperparameterException.class, () -> new Rmsprop(0.001, 0.9, 1e-7, 1.0));
        assertThrows(InvalidHyperparameterException.class, () -> new Rmsprop(0.001, 0.9, Double.NaN, 0));
    }
}
