package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SgdTest extends OptimizerContractChecks {

    @Override
    Optimizer defaults() {
        return new Sgd();
    }

    @Override
    String expectedId() {
        return "sgd";
    }

    @Override
    Map<String, Double> expectedDefaults() {
        return Map.of("learning_rate", 0.01);
    }

    @Override
    int expectedSlots() {
        return 0;
    }

    @Override
    List<OutOfRange> outOfRange() {
        return List.of(
                new OutOfRange("learning_rate", 0, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("learning_rate", -0.01, "[1.4E-45, 3.4028235E38]"),
                new OutOfRange("learning_rate", 1e39, "[1.4E-45, 3.4028235E38]"));
    }

    @Test
    void sgd_stepsAgainstTheGradientScaledByTheLearningRate() {
        Sgd sgd = new Sgd(0.1);
        float[] w = {1f, -2f, 0.5f};
        OptimizerState state = new OptimizerState(0, 3);

        state.advance();
        sgd.update(w, new float[] {0.5f, -1f, 0f}, state);
        // w − 0.1·g = (1 − 0.05, −2 + 0.1, 0.5 − 0)
        assertArrayEquals(new float[] {0.95f, -1.9f, 0.5f}, w, 1e-6f);

        state.advance();
        sgd.update(w, new float[] {1f, 2f, -3f}, state);
        // (0.95 − 0.1, −1.9 − 0.2, 0.5 + 0.3)
        assertArrayEquals(new float[] {0.85f, -2.1f, 0.8f}, w, 1e-6f);
    }

    @Test
    void sgd_constructorRejectsNonFiniteLearningRates() {
        assertThrows(InvalidHyperparameterException.class, () -> new Sgd(Double.NaN));
        assertThrows(InvalidHyperparameterException.class, () -> new Sgd(Double.POSITIVE_INFINITY));
        assertThrows(InvalidHyperparameterException.class, () -> new Sgd(0));
    }
}
