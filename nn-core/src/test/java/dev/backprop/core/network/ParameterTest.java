package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.network.Parameter.Orientation;
import org.junit.jupiter.api.Test;

class ParameterTest {

    @Test
    void weightsWrittenInPyTorchsLayout_computeWhatPyTorchWould() {
        Network network = Network.builder().input(3).dense(2, "identity").build();
        float[][] torchWeight = {{1, 2, 3}, {-1, 0, 0.5f}};            // nn.Linear(3, 2).weight: [out][in]
        network.parameter("dense_1.weight").write(torchWeight, Orientation.OUT_BY_IN);
        network.parameter("dense_1.bias").write(new float[] {0.5f, -0.5f});
        float[] output = network.predict(new float[] {1, 1, 2});
        assertArrayEquals(new float[] {1 + 2 + 6 + 0.5f, -1 + 0 + 1 - 0.5f}, output);
        assertArrayEquals(new float[][] {{1, -1}, {2, 0}, {3, 0.5f}},
                network.parameter("dense_1.weight").read(Orientation.IN_BY_OUT));
        assertArrayEquals(torchWeight, network.parameter("dense_1.weight").read(Orientation.OUT_BY_IN));
    }

    @Test
    void aWriteOfTheWrongShape_isRefusedAndChangesNothing() {
        Network network = Network.builder().input(3).dense(2, "identity").seed(1).build();
        Parameter weight = network.parameter("dense_1.weight");
        float[] before = weight.read();
        ShapeMismatchException rows = assertThrows(ShapeMismatchException.class,
                () -> weight.write(new float[][] {{1, 2}, {3, 4}, {5, 6}}, Orientation.OUT_BY_IN));
        assertTrue(rows.getMessage().startsWith("Parameter 'dense_1.weight' read OUT_BY_IN is 2 × 3 but the array has"
                + " 3 rows"), rows.getMessage());
        ShapeMismatchException ragged = assertThrows(ShapeMismatchException.class,
                () -> weight.write(new float[][] {{1, 2}, {3, 4}, {5}}, Orientation.IN_BY_OUT));
        assertTrue(ragged.getMessage().contains("row 2 of the array has 1 values"), ragged.getMessage());
        assertThrows(ShapeMismatchException.class, () -> weight.write(new float[5]));
        assertArrayEquals(before, weight.read());
    }

    @Test
    void anUnknownName_listsTheNetworksParameters() {
        Network network = Network.builder().input(3).dense(2, "identity").build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> network.parameter("layer1.weights"));
        assertEquals("This network has no parameter 'layer1.weights'; its parameters are [dense_1.weight, dense_1.bias]"
                + " (dense layers counted from 1). Did you mean 'dense_1.weight'?", e.getMessage());
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> network.parameter("dense_1.wieght"));
        assertTrue(typo.getMessage().endsWith("Did you mean 'dense_1.weight'?"), typo.getMessage());
    }
}
