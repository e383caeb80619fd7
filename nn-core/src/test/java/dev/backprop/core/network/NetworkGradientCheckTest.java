package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.loss.Loss;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Finite-difference check of the whole network: every weight and bias gradient from backpropagation
 * against the central difference {@code (E(θ+h) − E(θ−h)) / 2h} of the batch loss.
 *
 * <p>The network computes in float32, so the step and tolerance are chosen for it. The loss carries
 * a rounding error of about 1e-7 relative (float's ε ≈ 6e-8 over a few accumulations); dividing by
 * 2h = 2e-3 turns that into an absolute gradient error near 1e-4. The truncation error of the central
 * difference is O(h²) ≈ 1e-6. So the comparison uses {@code |g − ĝ| / max(|g| + |ĝ|, 1e-2)}, which is
 * relative for gradients above 1e-2 and absolute (scaled) below, and must stay under 1e-2: a wrong
 * derivative (a missing factor, a transposed product, a skipped layer) gives errors of order 1.
 * Parameters whose step would move a ReLU pre-activation across its kink are skipped, because the
 * finite difference is not defined there (detected by comparing the signs of every ReLU input at θ+h
 * and θ−h); the test asserts that at most 10 of the 83 are.
 */
class NetworkGradientCheckTest {

    private static final float STEP = 1e-3f;
    private static final double TOLERANCE = 1e-2;
    private static final int ROWS = 5;

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of("sigmoid", "sigmoid", "mse"),
                Arguments.of("tanh", "tanh", "mse"),
                Arguments.of("relu", "identity", "mse"),
                Arguments.of("identity", "identity", "mse"),
                Arguments.of("sigmoid", "softmax", "categorical_cross_entropy"),
                Arguments.of("tanh", "softmax", "categorical_cross_entropy"),
                Arguments.of("relu", "softmax", "categorical_cross_entropy"),
                Arguments.of("identity", "softmax", "categorical_cross_entropy"),
                Arguments.of("tanh", "softmax", "mse"),
                Arguments.of("relu", "sigmoid", "categorical_cross_entropy"));
    }

    @ParameterizedTest(name = "hidden {0}, output {1}, loss {2}")
    @MethodSource("networks")
    void backpropagation_matchesCentralDifferences(String hidden, String output, String lossId) {
        PluginRegistry registry = PluginRegistry.discovered();
        Network network = Network.builder().input(4).dense(6, hidden).dense(5, hidden).dense(3, output).seed(11).build();
        Loss loss = registry.loss(lossId);
        SplittableRandom random = new SplittableRandom(5);
        float[] inputs = new float[ROWS * 4];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextDouble(-1, 1);
        }
        float[] targets = new float[ROWS * 3];
        for (int row = 0; row < ROWS; row++) {
            targets[row * 3 + random.nextInt(3)] = 1f;   // one-hot, also a valid regression target
        }

        Workspace workspace = network.newWorkspace(ROWS);
        network.computeGradients(workspace, inputs, targets, ROWS, loss);
        double worst = 0;
        int skipped = 0;
        int checked = 0;
        for (int p = 0; p < network.parameters().size(); p++) {
            float[] values = network.parameters().get(p).values();
            float[] analytic = workspace.gradients().tensor(p).clone();
            for (int i = 0; i < values.length; i++) {
                float original = values[i];
                values[i] = original + STEP;
                float plusValue = values[i];
                double lossPlus = loss(network, inputs, targets, loss);
                String signsPlus = reluSigns(network, inputs, hidden);
                values[i] = original - STEP;
                float minusValue = values[i];
                double lossMinus = loss(network, inputs, targets, loss);
                String signsMinus = reluSigns(network, inputs, hidden);
                values[i] = original;
                if (!signsPlus.equals(signsMinus)) {
                    skipped++;
                    continue;
                }
                double numeric = (lossPlus - lossMinus) / ((double) plusValue - minusValue);
                double error = Math.abs(analytic[i] - numeric) / Math.max(Math.abs(analytic[i]) + Math.abs(numeric), 1e-2);
                worst = Math.max(worst, error);
                checked++;
            }
        }
        assertTrue(skipped <= 10, "too many parameters sit on a ReLU kink: " + skipped);
        assertEquals(4 * 6 + 6 + 6 * 5 + 5 + 5 * 3 + 3, checked + skipped, "every parameter visited");
        assertTrue(worst < TOLERANCE, "max relative error " + worst + " exceeds " + TOLERANCE);
    }

    private static double loss(Network network, float[] inputs, float[] targets, Loss loss) {
        float[] outputs = network.forward(network.newWorkspace(ROWS), inputs, ROWS);
        return loss.evaluate(outputs, targets, ROWS, 3, new float[ROWS * 3]);
    }

    /** The signs of every hidden ReLU pre-activation: if they differ between θ+h and θ−h the step crossed a kink. */
    private static String reluSigns(Network network, float[] inputs, String hidden) {
        if (!hidden.equals("relu")) {
            return "";
        }
        Workspace workspace = network.newWorkspace(ROWS);
        network.forward(workspace, inputs, ROWS);
        StringBuilder signs = new StringBuilder();
        for (int layer = 0; layer < workspace.preActivations.length - 1; layer++) {
            for (float z : workspace.preActivations[layer]) {
                signs.append(z > 0 ? '+' : '-');
            }
        }
        return signs.toString();
    }
}
