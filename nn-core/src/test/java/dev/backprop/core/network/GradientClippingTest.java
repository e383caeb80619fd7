package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.plugin.PluginRegistry;
import org.junit.jupiter.api.Test;

class GradientClippingTest {

    private final Network network = Network.builder().input(2).dense(2, "identity").build();

    @Test
    void byValue_clampsEachElement() {
        try (Workspace workspace = gradientsOf(new float[] {3f, -1f}, new float[] {10f, -10f})) {
            GradientClipping.byValue(0.5).apply(workspace.gradients());
            for (int p = 0; p < workspace.gradients().count(); p++) {
                for (float g : workspace.gradients().tensor(p)) {
                    assertTrue(Math.abs(g) <= 0.5f, "clamped: " + g);
                }
            }
        }
    }

    @Test
    void byNorm_rescalesAllGradientsTogetherToTheLimit() {
        try (Workspace workspace = gradientsOf(new float[] {3f, -1f}, new float[] {10f, -10f})) {
            float[][] before = copy(workspace);
            double norm = GradientClipping.byNorm(1.0).apply(workspace.gradients());
            double squares = 0;
            for (int p = 0; p < workspace.gradients().count(); p++) {
                for (int i = 0; i < before[p].length; i++) {
                    assertEquals(before[p][i] / norm, workspace.gradients().tensor(p)[i], 1e-6, "same direction");
                    squares += workspace.gradients().tensor(p)[i] * workspace.gradients().tensor(p)[i];
                }
            }
            assertEquals(1.0, Math.sqrt(squares), 1e-5);
        }
    }

    @Test
    void byNorm_leavesSmallGradientsAlone() {
        try (Workspace workspace = gradientsOf(new float[] {0.01f, 0.02f}, new float[] {0.01f, 0f})) {
            float[][] before = copy(workspace);
            GradientClipping.byNorm(100).apply(workspace.gradients());
            for (int p = 0; p < before.length; p++) {
                assertArrayEquals(before[p], workspace.gradients().tensor(p));
            }
        }
    }

    @Test
    void nonPositiveLimit_isRefused() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> GradientClipping.byNorm(0));
        assertTrue(e.getMessage().contains("needs a positive, finite limit, found 0.0"), e.getMessage());
    }

    private Workspace gradientsOf(float[] input, float[] target) {
        Workspace workspace = network.newWorkspace(1);
        network.computeGradients(workspace, input, target, 1, PluginRegistry.discovered().loss("mse"));
        return workspace;
    }

    private static float[][] copy(Workspace workspace) {
        float[][] copy = new float[workspace.gradients().count()][];
        for (int p = 0; p < copy.length; p++) {
            copy[p] = workspace.gradients().tensor(p).clone();
        }
        return copy;
    }
}
