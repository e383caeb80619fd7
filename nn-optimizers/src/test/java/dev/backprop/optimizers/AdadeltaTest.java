package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdadeltaTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new Adadelta();
    }

    @Override
    String expectedId() {
        return "adadelta";
    }

    @Override
    Map<String, Double> expectedDefaults() {
        return Map.of("learning_rate", 1.0, "rho", 0.95, "epsilon", 1e-6);
    }

    @Override
    int expectedSlots() {
        return 2;
    }

    @Override
    List<OutOfRange> outOfRange() {
        return List.of(
                new OutOfRange("learning_rate", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("rho", 1, "[0, 1)"),
                new OutOfRange("rho", -0.5, "[0, 1)"),
                new OutOfRange("epsilon", 0, "[1.4E-45, 3.4028235E38]"));
    }

    /**
     * Adadelta's first steps are about √ε in size, so with ε = 1e-6 it barely moves in 200 steps; a
     * larger ε lets the update averages build up quickly (the rule is otherwise unchanged).
     */
    @Override
    protected Hyperparameters bowlSettings() {
        return Hyperparameters.of(Optimizer.LEARNING_RATE, 1.0, Adadelta.EPSILON, 1e-3);
    }

    /** Zeiler's Algorithm 1 with a learning rate on the applied step, in double. */
    private static void reference(double eta, double rho, double eps, double[] w, double[] eg, double[] ex,
                                  float[] g) {
        for (int i = 0; i < w.length; i++) {
            eg[i] = rho * eg[i] + (1 - rho) * g[i] * g[i];
            double dx = -Math.sqrt(ex[i] + eps) / Math.sqrt(eg[i] + eps) * g[i];
            ex[i] = rho * ex[i] + (1 - rho) * dx * dx;
            w[i] += eta * dx;
        }
    }

    @Test
    void adadelta_matchesTwoStepsComputedInDouble() {
        Adadelta adadelta = new Adadelta(0.5, 0.9, 1e-2);
        float[] w = {1f, -1f, 0.5f};
        OptimizerState state = new OptimizerState(2, 3);
        double[] expectedW = {1, -1, 0.5};
        double[] eg = new double[3];
        double[] ex = new double[3];

        // t = 1, g = (2, −0.5, 0): E[g²] = 0.1·g² = (0.4, 0.025, 0); weight 0's Δx = −√0.01/√0.41·2
        float[] g1 = {2f, -0.5f, 0f};
        state.advance();
        adadelta.update(w, g1, state);
        reference(0.5, 0.9, 1e-2, expectedW, eg, ex, g1);
        assertEquals(1 - 0.5 * 0.1 / Math.sqrt(0.41) * 2, w[0], 1e-6);
        assertCloseTo(eg, state.slot(Adadelta.SQUARED_GRADIENT_AVERAGE_SLOT), "E[g²] after step 1");
        assertCloseTo(ex, state.slot(Adadelta.SQUARED_UPDATE_AVERAGE_SLOT), "E[Δx²] after step 1");
        assertCloseTo(expectedW, w, "w after step 1");

        float[] g2 = {-1f, -0.5f, 0.25f};
        state.advance();
        adadelta.update(w, g2, state);
        reference(0.5, 0.9, 1e-2, expectedW, eg, ex, g2);
        assertCloseTo(eg, state.slot(Adadelta.SQUARED_GRADIENT_AVERAGE_SLOT), "E[g²] after step 2");
        assertCloseTo(ex, state.slot(Adadelta.SQUARED_UPDATE_AVERAGE_SLOT), "E[Δx²] after step 2");
        assertCloseTo(expectedW, w, "w after step 2");
    }

    @Test
    void adadelta_accumulatesTheUnscaledUpdateWhateverTheLearningRate() {
        OptimizerState slow = new OptimizerState(2, 1);
        OptimizerState fast = new OptimizerState(2, 1);
        float[] wSlow = {0f};
        float[] wFast = {0f};
        slow.advance();
        fast.advance();

        new Adadelta(0.1, 0.95, 1e-6).update(wSlow, new float[] {1f}, slow);
        new Adadelta(1.0, 0.95, 1e-6).update(wFast, new float[] {1f}, fast);

        assertEquals(fast.slot(Adadelta.SQUARED_UPDATE_AVERAGE_SLOT)[0],
                slow.slot(Adadelta.SQUARED_UPDATE_AVERAGE_SLOT)[0], 0f);
        assertEquals(wFast[0] * 0.1f, wSlow[0], 1e-9f);
    }

    @Test
    void adadelta_constructorRejectsOutOfRangeValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new Adadelta(1.0, 1.0, 1e-6));
        assertThrows(InvalidHyperparameterException.class, () -> new Adadelta(1.0, 0.95, 0));
        assertThrows(InvalidHyperparameterException.class, () -> new Adadelta(Double.NaN, 0.95, 1e-6));
    }
}
