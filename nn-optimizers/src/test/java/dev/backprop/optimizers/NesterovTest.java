package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NesterovTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new Nesterov();
    }

    @Override
    String expectedId() {
        return "nesterov";
    }

    @Override
    Map<String, Double> expectedDefaults() {
        return Map.of("learning_rate", 0.01, "momentum", 0.9);
    }

    @Override
    int expectedSlots() {
        return 1;
    }

    @Override
    List<OutOfRange> outOfRange() {
        return List.of(
                new OutOfRange("learning_rate", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("learning_rate", -1, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("momentum", 1, "[0, 1)"),
                new OutOfRange("momentum", -0.1, "[0, 1)"));
    }

    /** v ← μ·v + g; w ← w − η·(g + μ·v), written out in double. */
    private static void reference(double eta, double mu, double[] w, double[] v, float[] g) {
        for (int i = 0; i < w.length; i++) {
            v[i] = mu * v[i] + g[i];
            w[i] -= eta * (g[i] + mu * v[i]);
        }
    }

    @Test
    void nesterov_matchesTwoStepsComputedInDouble() {
        Nesterov nesterov = new Nesterov(0.1, 0.9);
        float[] w = {1f, -1f, 0.5f};
        OptimizerState state = new OptimizerState(1, 3);
        double[] expectedW = {1, -1, 0.5};
        double[] expectedV = new double[3];

        // t = 1, g = (1, −2, 0.5): v = g, w −= 0.1·1.9·g = (0.81, −0.62, 0.405)
        float[] g1 = {1f, -2f, 0.5f};
        state.advance();
        nesterov.update(w, g1, state);
        reference(0.1, 0.9, expectedW, expectedV, g1);
        assertArrayEquals(new float[] {0.81f, -0.62f, 0.405f}, w, 1e-6f);
        assertCloseTo(expectedV, state.slot(Nesterov.VELOCITY_SLOT), "v after step 1");
        assertCloseTo(expectedW, w, "w after step 1");

        // t = 2, g = (1, 0, −1): v = (1.9, −1.8, −0.55); w −= 0.1·(g + 0.9·v) = 0.1·(2.71, −1.62, −1.495)
        float[] g2 = {1f, 0f, -1f};
        state.advance();
        nesterov.update(w, g2, state);
        reference(0.1, 0.9, expectedW, expectedV, g2);
        assertArrayEquals(new float[] {0.539f, -0.458f, 0.5545f}, w, 1e-6f);
        assertCloseTo(expectedV, state.slot(Nesterov.VELOCITY_SLOT), "v after step 2");
        assertCloseTo(expectedW, w, "w after step 2");
    }

    @Test
    void nesterov_withZeroMomentumIsPlainGradientDescent() {
        float[] viaNesterov = {1f, -2f, 3f};
        float[] viaSgd = viaNesterov.clone();
        OptimizerState nesterovState = new OptimizerState(1, 3);
        OptimizerState sgdState = new OptimizerState(0, 3);
        float[][] gradients = {{0.5f, 1f, -1f}, {2f, -0.25f, 0f}, {-1f, 1f, 4f}};
        for (float[] g : gradients) {
            nesterovState.advance();
            sgdState.advance();
            new Nesterov(0.1, 0).update(viaNesterov, g, nesterovState);
            new Sgd(0.1).update(viaSgd, g, sgdState);
        }
        assertArrayEquals(viaSgd, viaNesterov, 0f);
    }

    @Test
    void nesterov_constructorRejectsOutOfRangeValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new Nesterov(0.01, 1.0));
        assertThrows(InvalidHyperparameterException.class, () -> new Nesterov(Double.NaN, 0.9));
        assertThrows(InvalidHyperparameterException.class, () -> new Nesterov(0.01, Double.NaN));
    }
}
