package com.example.backprop.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.optimizer.OptimizerState;
import org.junit.jupiter.api.Test;

class LionTest {

    @Test
    void eachElement_movesByTheLearningRate_againstTheSignOfTheInterpolatedDirection() {
        Lion lion = new Lion().withHyperparameters(Hyperparameters.of("learning_rate", 0.1));
        float[] parameter = {1f, 1f, 1f};
        OptimizerState state = new OptimizerState(lion.stateSlots(), 3);
        state.slot(Lion.MOMENTUM_SLOT)[2] = 10f;   // momentum outweighs a small opposite gradient

        state.advance();
        lion.update(parameter, new float[] {0.5f, -2f, -1f}, state);

        assertArrayEquals(new float[] {0.9f, 1.1f, 0.9f}, parameter, 1e-6f);
        assertArrayEquals(new float[] {0.005f, -0.02f, 9.9f - 0.01f}, state.slot(Lion.MOMENTUM_SLOT), 1e-6f);
    }

    @Test
    void weightDecay_shrinksTheParameterToo_andRangesAreChecked() {
        Lion lion = new Lion().withHyperparameters(Hyperparameters.of("learning_rate", 0.1, "weight_decay", 0.5));
        float[] parameter = {2f};
        OptimizerState state = new OptimizerState(1, 1);
        state.advance();
        lion.update(parameter, new float[] {1f}, state);
        assertArrayEquals(new float[] {2f - 0.1f * (1 + 0.5f * 2)}, parameter, 1e-6f);
        assertThrows(IndexOutOfBoundsException.class, () -> lion.update(parameter, new float[] {1f}, state, 0, 2));
    }
}
