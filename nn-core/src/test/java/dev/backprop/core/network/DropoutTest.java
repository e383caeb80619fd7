package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.loss.Loss;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DropoutTest {

    private static final int ROWS = 8;
    private final Loss loss = PluginRegistry.discovered().loss("categorical_cross_entropy");

    @Test
    void training_dropsAboutTheRateAndScalesTheRest() {
        Network network = Network.builder().input(4).dense(200, "sigmoid").dropout(0.25).dense(3, "softmax").build();
        try (Workspace workspace = network.newWorkspace(ROWS, 1, 7)) {
            network.computeGradients(workspace, inputs(), targets(), ROWS, loss);
            int dropped = 0;
            for (int i = 0; i < ROWS * 200; i++) {
                float mask = workspace.dropoutMasks[0][i];
                assertTrue(mask == 0f || mask == (float) (1 / 0.75), "mask " + mask);
                assertEquals(workspace.activations[0][i] * mask, workspace.droppedActivations[0][i]);
                dropped += mask == 0f ? 1 : 0;
            }
            // 1600 draws at p = 0.25: 400 expected, standard deviation about 17.
            assertTrue(Math.abs(dropped - 400) < 80, "dropped " + dropped);
        }
    }

    @Test
    void inference_dropsNothing() {
        Network withDropout = Network.builder().input(4).dense(16, "tanh").dropout(0.5).dense(3, "softmax").seed(3)
                .build();
        Network without = Network.builder().input(4).dense(16, "tanh").dense(3, "softmax").seed(3).build();
        assertArrayEquals(without.predict(inputs(), ROWS), withDropout.predict(inputs(), ROWS));
    }

    /** With the mask held fixed (same seed each pass) the gradient is that of a fixed network: check it numerically. */
    @Test
    void gradientWithAFixedMask_matchesCentralDifferences() {
        Network network = Network.builder().input(4).dense(6, "tanh").dropout(0.3).dense(3, "softmax").seed(5).build();
        float[] inputs = inputs();
        float[] targets = targets();
        try (Workspace workspace = network.newWorkspace(ROWS, 2, 11)) {
            workspace.reseedDropout(99);
            network.computeGradients(workspace, inputs, targets, ROWS, loss);
            float step = 1e-3f;
            double worst = 0;
            for (int p = 0; p < network.parameters().size(); p++) {
                float[] values = network.parameters().get(p).values();
                float[] analytic = workspace.gradients().tensor(p).clone();
                for (int i = 0; i < values.length; i++) {
                    float original = values[i];
                    values[i] = original + step;
                    workspace.reseedDropout(99);
                    double plus = network.computeGradients(workspace, inputs, targets, ROWS, loss);
                    values[i] = original - step;
                    workspace.reseedDropout(99);
                    double minus = network.computeGradients(workspace, inputs, targets, ROWS, loss);
                    values[i] = original;
                    double numeric = (plus - minus) / (2.0 * step);
                    worst = Math.max(worst, Math.abs(analytic[i] - numeric)
                            / Math.max(Math.abs(analytic[i]) + Math.abs(numeric), 1e-2));
                }
            }
            assertTrue(worst < 1e-2, "max relative error " + worst);
        }
    }

    @Test
    void dropoutOnTheOutputLayer_isRefused() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Network.builder().input(4).dense(3, "softmax").dropout(0.2).build());
        assertTrue(e.getMessage().contains("is set on the output layer"), e.getMessage());
    }

    @Test
    void rateOfOneOrMore_isRefused() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Network.builder().input(4).dense(3, "relu").dropout(1.0));
        assertTrue(e.getMessage().contains("must lie in [0, 1)"), e.getMessage());
    }

    private static float[] inputs() {
        SplittableRandom random = new SplittableRandom(1);
        float[] values = new float[ROWS * 4];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-1, 1);
        }
        return values;
    }

    private static float[] targets() {
        float[] values = new float[ROWS * 3];
        for (int row = 0; row < ROWS; row++) {
            values[row * 3 + row % 3] = 1f;
        }
        return values;
    }
}
