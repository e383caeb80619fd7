package dev.backprop.examples.sine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import org.junit.jupiter.api.Test;

class RootMeanSquaredErrorTest {

    @Test
    void rmse_isTheRootOfTheMeanSquaredDifferenceOfOutputsAndTargets() {
        Network network = Network.builder().input(1).dense(1, "identity").build();
        network.parameters().get(0).values()[0] = 2; // output = 2x + 1
        network.parameters().get(1).values()[0] = 1;
        Dataset data = Dataset.of(new float[][] {{0}, {1}, {2}, {3}}, new float[][] {{1}, {3}, {4}, {10}});
        // outputs 1, 3, 5, 7: errors 0, 0, 1, -3 → mean square 10/4
        assertEquals(Math.sqrt(2.5), RootMeanSquaredError.of(network, data), 1e-6);
    }

    @Test
    void rmse_overManyBatches_countsEveryExampleOnce() {
        Network network = Network.builder().input(1).dense(1, "identity").build();
        network.parameters().get(0).values()[0] = 0; // output = 0.5 everywhere
        network.parameters().get(1).values()[0] = 0.5f;
        float[][] x = new float[1000][];
        float[][] y = new float[1000][];
        for (int i = 0; i < 1000; i++) {
            x[i] = new float[] {i};
            y[i] = new float[] {i < 600 ? 0.5f : 1.5f}; // 400 errors of 1
        }
        assertEquals(Math.sqrt(0.4), RootMeanSquaredError.of(network, Dataset.of(x, y)), 1e-9);
    }

    @Test
    void targetsOfAnotherWidth_areRejected() {
        Network network = Network.builder().input(1).dense(1, "identity").build();
        Dataset data = Dataset.of(new float[][] {{0}}, new float[][] {{1, 2}});
        assertThrows(ShapeMismatchException.class, () -> RootMeanSquaredError.of(network, data));
    }
}
