package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.management.ThreadMXBean;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.plugin.PluginRegistry;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A TrainingStep (forward, backward, clipping by norm, update) on 2 threads allocates nothing once the JIT
 * has compiled it. Before compilation the Vector API's interpreted paths allocate vector objects, so
 * the test looks for steady state: it measures the calling thread's allocated bytes over windows of
 * steps and requires that a window of 50 steps allocates 0 bytes within the first 1000 windows. Code that
 * allocated per batch would allocate in every window. (Compilation can lag far behind on a busy machine,
 * where the compiler threads share two processors with the test run: the first 40 windows, a tenth of a
 * second, were sometimes all run before the vector kernels left the first-tier compiler.)
 */
class AllocationFreeStepTest {

    private static final int ROWS = 16;

    @Test
    void trainingStep_inSteadyState_allocatesNothing() {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Network network = Network.builder().input(64).dense(48, "relu").dense(32, "tanh").dense(10, "softmax").build();
        PluginRegistry registry = PluginRegistry.discovered();
        Loss loss = registry.loss("categorical_cross_entropy");
        Optimizer adam = registry.optimizer("adam");
        SplittableRandom random = new SplittableRandom(1);
        float[] inputs = new float[ROWS * 64];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextDouble(-1, 1);
        }
        float[] targets = new float[ROWS * 10];
        for (int row = 0; row < ROWS; row++) {
            targets[row * 10 + random.nextInt(10)] = 1f;
        }
        long[] allocatedPerWindow = new long[1000];
        try (TrainingStep training = TrainingStep.builder(network, loss, adam).capacity(ROWS).threads(2)
                .clipping(GradientClipping.byNorm(1.0)).build()) {
            for (int window = 0; window < allocatedPerWindow.length; window++) {
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int step = 0; step < 50; step++) {
                    training.step(inputs, targets, ROWS);
                }
                allocatedPerWindow[window] = threads.getCurrentThreadAllocatedBytes() - before;
                if (allocatedPerWindow[window] == 0) {
                    return;
                }
            }
        }
        fail("every window of 50 steps allocated, the first 40: "
                + Arrays.toString(Arrays.copyOf(allocatedPerWindow, 40)));
    }
}
