package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.loss.Loss;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightPenaltyTest {

    private static final int ROWS = 4;

    @Test
    void penalty_isAddedToTheLossByItsFormula() {
        Network network = Network.builder().input(2).dense(2, "identity").withWeightPenalty(0.5, 0.25).build();
        float[] w = network.parameters().get(0).values();
        double expected = 0;
        for (float v : w) {
            expected += 0.5 * Math.abs(v) + 0.25 * v * v;
        }
        assertEquals(expected, network.penalty(), 1e-9);
        Loss mse = PluginRegistry.discovered().loss("mse");
        float[] x = {1, 2};
        float[] y = {0, 0};
        double plain = mse.evaluate(network.predict(x), y, 1, 2, new float[2]);
        assertEquals(plain + expected, network.computeGradients(network.newWorkspace(1), x, y, 1, mse), 1e-6);
    }

    /** Central differences of loss + penalty, as in NetworkGradientCheckTest (same float32 reasoning). */
    @Test
    void gradientWithPenalties_matchesCentralDifferences() {
        Network network = Network.builder().input(4).dense(5, "tanh").withWeightPenalty(0.01, 0.05)
                .dense(3, "softmax").withWeightPenalty(0, 0.1).seed(4).build();
        Loss loss = PluginRegistry.discovered().loss("categorical_cross_entropy");
        SplittableRandom random = new SplittableRandom(2);
        float[] inputs = new float[ROWS * 4];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextDouble(-1, 1);
        }
        float[] targets = new float[ROWS * 3];
        for (int row = 0; row < ROWS; row++) {
            targets[row * 3 + random.nextInt(3)] = 1f;
        }
        try (Workspace workspace = network.newWorkspace(ROWS, 2)) {
            assertGradientsMatch(network, workspace, inputs, targets, loss);
        }
    }

    private static void assertGradientsMatch(Network network, Workspace workspace, float[] inputs, float[] targets,
                                             Loss loss) {
        network.computeGradients(workspace, inputs, targets, ROWS, loss);
        float step = 1e-3f;
        double worst = 0;
        for (int p = 0; p < network.parameters().size(); p++) {
            float[] values = network.parameters().get(p).values();
            float[] analytic = workspace.gradients().tensor(p).clone();
            for (int i = 0; i < values.length; i++) {
                float original = values[i];
                if (Math.abs(original) < 2 * step) {
                    continue;   // L1's kink at 0: the central difference is not defined across it
                }
                values[i] = original + step;
                double plus = total(network, inputs, targets, loss);
                values[i] = original - step;
                double minus = total(network, inputs, targets, loss);
                values[i] = original;
                double numeric = (plus - minus) / (2.0 * step);
                worst = Math.max(worst, Math.abs(analytic[i] - numeric)
                        / Math.max(Math.abs(analytic[i]) + Math.abs(numeric), 1e-2));
            }
        }
        assertTrue(worst < 1e-2, "max relative error " + worst);
    }

    @Test
    void negativeFactor_isRefusedWithAnExample() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new WeightPenalty(-1, 0));
        assertTrue(e.getMessage().contains("withWeightPenalty(0, 1e-4)"), e.getMessage());
    }

    private static double total(Network network, float[] inputs, float[] targets, Loss loss) {
        float[] outputs = network.predict(inputs, ROWS);
        return loss.evaluate(outputs, targets, ROWS, 3, new float[ROWS * 3]) + network.penalty();
    }
}
