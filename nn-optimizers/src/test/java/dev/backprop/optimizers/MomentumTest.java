package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MomentumTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new Momentum();
    }

    @Override
    String expectedId() {
        return "momentum";
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
                new OutOfRange("momentum", 1.5, "[0, 1)"),
                new OutOfRange("momentum", -0.1, "[0, 1)"));
    }

    @Test
    void momentum_accumulatesVelocityAsComputedByHand() {
        Momentum momentum = new Momentum(0.1, 0.9);
        float[] w = {1f, -1f};
        OptimizerState state = new OptimizerState(1, 2);

        // v = 0.9·0 − 0.1·(1, −2) = (−0.1, 0.2); w = (0.9, −0.8)
        state.advance();
        momentum.update(w, new float[] {1f, -2f}, state);
        assertArrayEquals(new float[] {-0.1f, 0.2f}, state.slot(Momentum.VELOCITY_SLOT), 1e-6f);
        assertArrayEquals(new float[] {0.9f, -0.8f}, w, 1e-6f);

        // v = 0.9·(−0.1, 0.2) − 0.1·(1, 0) = (−0.19, 0.18); w = (0.71, −0.62)
        state.advance();
        momentum.update(w, new float[] {1f, 0f}, state);
        assertArrayEquals(new float[] {-0.19f, 0.18f}, state.slot(Momentum.VELOCITY_SLOT), 1e-6f);
        assertArrayEquals(new float[] {0.71f, -0.62f}, w, 1e-6f);

        // v = 0.9·(−0.19, 0.18) − 0.1·(−1, 1) = (−0.071, 0.062); w = (0.639, −0.558)
        state.advance();
        momentum.update(w, new float[] {-1f, 1f}, state);
        assertArrayEquals(new float[] {-0.071f, 0.062f}, state.slot(Momentum.VELOCITY_SLOT), 1e-6f);
        assertArrayEquals(new float[] {0.639f, -0.558f}, w, 1e-6f);
    }

    @Test
    void momentum_withZeroMomentumIsPlainGradientDescent() {
        float[] viaMomentum = {1f, -2f, 3f};
        float[] viaSgd = viaMomentum.clone();
        OptimizerState momentumState = new OptimizerState(1, 3);
        OptimizerState sgdState = new OptimizerState(0, 3);
        float[][] gradients = {{0.5f, 1f, -1f}, {2f, -0.25f, 0f}, {-1f, 1f, 4f}};
        for (float[] g : gradients) {
            momentumState.advance();
            sgdState.advance();
            new Momentum(0.1, 0).update(viaMomentum, g, momentumState);
            new Sgd(0.1).update(viaSgd, g, sgdState);
        }
        assertArrayEquals(viaSgd, viaMomentum, 1e-6f);
    }

    @Test
    void momentum_constructorRejectsOutOfRangeValues() {
        assertThrows(InvalidHyperparameterException.class, () -> new Momentum(0.01, 1.0));
        assertThrows(InvalidHyperparameterException.class, () -> new Momentum(Double.NaN, 0.9));
        assertThrows(InvalidHyperparameterException.class, () -> new Momentum(0.01, Double.NaN));
    }
}
