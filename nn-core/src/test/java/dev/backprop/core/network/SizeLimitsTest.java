package dev.backprop.core.network;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.PluginId;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile sizes are refused with one clear line before anything is allocated. */
class SizeLimitsTest {

    private static final long GIB = 1L << 30;

    private final PluginRegistry registry = PluginRegistry.discovered();
    private final Loss loss = registry.loss("mse");
    private final Optimizer adam = registry.optimizer("adam");

    @Test
    void dense_whoseWeightsOverflowAnInt_isRefusedWhenAdded() {
        NetworkBuilder builder = Network.builder().input(65536);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> builder.dense(65537, "relu"));
        assertEquals("Layer 1 (dense 65536×65537) needs 4295032832 weights in one array, more than the 2147483639 a"
                + " Java array holds: give layer 1 at most 32767 neurons after its 65536 inputs, or give it fewer"
                + " inputs.", e.getMessage());
    }

    @Test
    void dense_hiddenOfThreeMillionAfterMnistInputs_isRefusedNamingTheLayer() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> Network.builder().input(784).dense(3_000_000, "relu"));
        assertTrue(e.getMessage().startsWith("Layer 1 (dense 784×3000000) needs 2352000000 weights in one array"),
                e.getMessage());
        assertTrue(e.getMessage().contains("at most 2739137 neurons"), e.getMessage());
    }

    @Test
    void dense_ofIntegerMaxWidth_isRefusedAsSecondLayer() {
        NetworkBuilder builder = Network.builder().input(10).dense(4, "relu");
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> builder.dense(Integer.MAX_VALUE, "relu"));
        assertTrue(e.getMessage().startsWith("Layer 2 (dense 4×2147483647) needs 8589934588 weights"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void spec_fromAFile_withABillionWideLayer_isRefusedByItsConstructor() {
        List<LayerSpec> layers = List.of(layer(16), layer(1_000_000_000), layer(1));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new NetworkSpec(10, layers));
        assertTrue(e.getMessage().startsWith("Layer 2 (dense 16×1000000000) needs 16000000000 weights"),
                e.getMessage());
    }

    @Test
    void spec_justUnderTheArrayLimit_isAccepted_andNeedsNoMemoryToDescribe() {
        NetworkSpec spec = new NetworkSpec(1, List.of(layer(SizeLimits.MAX_ARRAY_LENGTH)));
        assertEquals(2L * SizeLimits.MAX_ARRAY_LENGTH, spec.parameterCount());
        assertEquals(1, spec.predictionRows(), "rows that wide fit only one at a time");
    }

    @Test
    void requireFitsInMemory_tooLargeForTheHeap_saysNeedLimitAndFix() {
        NetworkSpec spec = new NetworkSpec(1000, List.of(layer(1_000_000), layer(10)));   // ~4 GB of weights and biases
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> spec.requireFitsInMemory(GIB));
        assertEquals("This network needs about 4.2 GB for its parameters and prediction buffers (its largest layer is"
                + " layer 1, dense 1000×1000000), but the JVM may use 1.0 GB: use narrower layers or a larger heap"
                + " (-Xmx, e.g. BACKPROP_JAVA_OPTS=-Xmx6g).", e.getMessage());
        assertDoesNotThrow(() -> spec.requireFitsInMemory(8 * GIB));
    }

    @Test
    void build_ofANetworkLargerThanThisHeap_isRefusedBeforeAllocating() {
        int layers = (int) (SizeLimits.heapBytes() / (6L * GIB)) + 2;   // each 40000×40000 layer holds 6 GB
        NetworkBuilder builder = Network.builder().input(40_000);
        for (int i = 0; i < layers; i++) {
            builder.dense(40_000, "relu");
        }
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, builder::build);
        assertTrue(e.getMessage().startsWith("This network needs about "), e.getMessage());
        assertTrue(e.getMessage().contains("but the JVM may use " + SizeLimits.gigabytes(SizeLimits.heapBytes())),
                e.getMessage());
        assertTrue(e.getMessage().contains("BACKPROP_JAVA_OPTS=-Xmx"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void trainingMemory_countsParametersGradientsStateAndBuffers() {
        NetworkSpec spec = new NetworkSpec(2, List.of(layer(3).withDropout(0.5), layer(1)));
        MemoryEstimate estimate = spec.trainingMemory(4, 2);
        assertEquals(13 * 4, estimate.parameterBytes());
        assertEquals(13 * 4, estimate.gradientBytes());
        assertEquals(2 * 13 * 4, estimate.optimizerStateBytes());
        // inputs 4×2, targets 4×1, layer 1 with dropout 5×4×3, layer 2 3×4×1
        assertEquals((8 + 4 + 60 + 12) * 4, estimate.bufferBytes());
        assertEquals(4 * 13 * 4 + 84 * 4, estimate.totalBytes());
        assertEquals(new MemoryEstimate(13 * 4, 0, 0, (64 * 2 + 2 * 64 * 3 + 2 * 64) * 4), spec.inferenceMemory());
    }

    @Test
    void requireTrainable_tooLargeForTheHeap_namesBatchAndState() {
        NetworkSpec spec = new NetworkSpec(784, List.of(layer(100_000), layer(10)));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> spec.requireTrainable(32, 2, GIB));
        assertTrue(e.getMessage().startsWith("This network needs about 1.2 GB for its parameters, gradients,"
                + " optimizer state and buffers for batches of 32 (its largest layer is layer 1, dense 784×100000),"
                + " but the JVM may use 1.0 GB: use narrower layers, a smaller batch or a larger heap (-Xmx, e.g."
                + " BACKPROP_JAVA_OPTS=-Xmx"), e.getMessage());
        assertDoesNotThrow(() -> spec.requireTrainable(32, 2, 2 * GIB));
    }

    @Test
    void requireBatchFits_batchOfIntegerMax_isRefusedWithTheLargestBatchThatFits() {
        NetworkSpec spec = new NetworkSpec(784, List.of(layer(128), layer(10)));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> spec.requireBatchFits(Integer.MAX_VALUE));
        assertEquals("A batch of 2147483647 examples needs 2147483647 × 784 = 1683627179248 values in one array for"
                + " the 784 inputs, more than the 2147483639 a Java array holds: use a batch size of at most 2739137.",
                e.getMessage());
        assertEquals(2_739_137, spec.maxBatchSize());
        assertDoesNotThrow(() -> spec.requireBatchFits(2_739_137));
    }

    @Test
    void requireBatchFits_namesTheWidestLayer_andRefusesZero() {
        NetworkSpec spec = new NetworkSpec(3, List.of(layer(50_000), layer(2)));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> spec.requireBatchFits(100_000));
        assertTrue(e.getMessage().contains("for layer 1 (dense 3×50000)"), e.getMessage());
        InvalidConfigurationException zero = assertThrows(InvalidConfigurationException.class,
                () -> spec.requireBatchFits(0));
        assertTrue(zero.getMessage().startsWith("A batch holds at least 1 example but the batch size was 0"),
                zero.getMessage());
    }

    @Test
    void trainingMemory_negativeOptimizerSlots_isRefused() {
        NetworkSpec spec = new NetworkSpec(2, List.of(layer(1)));
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> spec.trainingMemory(1, -1));
        assertTrue(e.getMessage().contains("claims -1"), e.getMessage());
    }

    @Test
    void trainingStep_withABatchOfIntegerMax_isRefusedCleanly() {
        Network network = Network.builder().input(784).dense(16, "relu").dense(10, "sigmoid").build();
        TrainingStep.Builder builder = TrainingStep.builder(network, loss, adam).capacity(Integer.MAX_VALUE);
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class, builder::build);
        assertTrue(e.getMessage().startsWith("A batch of 2147483647 examples needs"), e.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> network.newWorkspace(Integer.MAX_VALUE));
    }

    @Test
    void trainingStep_withAMillionThreads_isRefusedBeforeStartingAny() {
        Network network = Network.builder().input(2).dense(2, "relu").dense(1, "sigmoid").build();
        int before = Thread.activeCount();
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> TrainingStep.builder(network, loss, adam).capacity(4).threads(1_000_000).build());
        assertTrue(e.getMessage().startsWith("Asked for 1000000 threads per step but this machine allows at most "),
                e.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> network.newWorkspace(4, 100_000));
        assertTrue(Thread.activeCount() <= before + 1, "no compute threads were started");
    }

    @Test
    void predict_whoseOutputsWouldOverflowOneArray_isRefused() {
        Network network = Network.builder().input(1).dense(40_000, "relu").build();
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> network.predict(new float[60_000], 60_000));
        assertEquals("60000 examples give 60000 × 40000 = 2400000000 outputs, more than the 2147483639 a Java array"
                + " holds: predict at most 53687 examples per call.", e.getMessage());
    }

    @Test
    void optimizerState_largerThanTheHeap_isRefusedBeforeAllocating() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new OptimizerState(Integer.MAX_VALUE, 1000));
        assertTrue(e.getMessage().startsWith("An optimizer state of 2147483647 slots of 1000 values needs about"),
                e.getMessage());
    }

    private static LayerSpec layer(int width) {
        return new LayerSpec(width, PluginId.of("relu"), Hyperparameters.none(), null);
    }
}
