package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.EpochProgress;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run settings and history a model file carries are range-checked on load: a file whose checksum
 * holds but whose values no save writes is refused, naming the field, the value and the allowed range.
 */
class ModelFilesRangeChecksTest {

    private static final int EPOCHS = 7_777;
    private static final int BATCH = 12_345;
    private static final long SEED = 0x0123_4567_89ab_cdefL;

    @TempDir
    Path dir;

    private final PluginRegistry registry = TestActivations.both();

    @Test
    void batchSizeOfTwoToThe31MinusOne_isRefusedWithTheRange() throws IOException {
        Path file = saved();
        ModelBytes.patchInt(file, ModelBytes.ints(EPOCHS, BATCH), Integer.BYTES, Integer.MAX_VALUE);

        assertFailure(file, "passes its checksum", "training configuration is not valid",
                "the batch size is 2147483647, outside the allowed range 1..16777216");
    }

    @Test
    void threadCountBeyondAnyMachine_isRefusedWithTheRange() throws IOException {
        Path file = saved();
        ModelBytes.patchInt(file, ModelBytes.ints(SEED >>> 32, SEED), 2 * Integer.BYTES, 100_000);

        assertFailure(file, "the thread count is 100000, outside the allowed range 1..65536");
    }

    @Test
    void threadCountOfABiggerMachine_loads_cappedToThisMachine() throws IOException {
        Path file = saved();
        ModelBytes.patchInt(file, ModelBytes.ints(SEED >>> 32, SEED), 2 * Integer.BYTES, 4_096);

        assertEquals(TrainingSettings.maxThreads(), ModelFiles.open(file, registry).config().orElseThrow().threads());
    }

    @Test
    void epochsOfZero_isRefusedWithTheRange() throws IOException {
        Path file = saved();
        ModelBytes.patchInt(file, ModelBytes.ints(EPOCHS, BATCH), 0, 0);

        assertFailure(file, "the epochs is 0, outside the allowed range 1..100000000");
    }

    @Test
    void historyEpochOfMinusOne_isRefusedWithTheRange() throws IOException {
        Path file = saved();
        ModelBytes.patchInt(file, ModelBytes.ints(2, EPOCHS + 1), 0, -1);

        assertFailure(file, "training state is not valid", "epoch report 2's epoch is -1, outside the allowed range"
                + " 1..100000000");
    }

    @Test
    void completedEpochsOfMinusOne_isRefusedBeforeReadingTheState() throws IOException {
        Path file = saved();
        ModelBytes.patchInt(file, ModelBytes.ints(2, 6), 0, -1);   // completed epochs, then the six states

        assertFailure(file, "is corrupted", "the completed epochs of the training state is -1, outside the allowed"
                + " range 0..100000000");
    }

    @Test
    void unfinishedEpochOfMinusTwoBatches_isRefusedWithTheRange() throws IOException {
        Path file = savedMidEpoch();
        patchProgressInt(file, 0, -2);

        assertFailure(file, "training state is not valid", "the current epoch's batch count is -2, outside the"
                + " allowed range 0..2147483647");
    }

    @Test
    void unfinishedEpochOfNoBatchesButCorrectExamples_isRefused() throws IOException {
        Path file = savedMidEpoch();
        patchProgressInt(file, 0, 0);

        assertFailure(file, "training state is not valid", "An epoch with no batches trained has no loss or"
                + " correct examples yet");
    }

    @Test
    void unfinishedEpoch_roundTripsItsBatchesLossSumAndCorrectCount() {
        TrainingCheckpoint read = ModelFiles.checkpoint(savedMidEpoch()).orElseThrow();
        assertEquals(new EpochProgress(3, 1.5, 7, 0.0), read.currentEpoch(), "the seconds are not saved");
    }

    /** A checkpoint 3 batches into epoch 3. */
    private Path savedMidEpoch() {
        Network network = TestModels.trained(registry, 5);
        TrainingConfig config = TrainingConfig.builder().loss("mse").optimizer("sgd").epochs(EPOCHS).batchSize(2)
                .build();
        List<OptimizerState> states = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            states.add(new OptimizerState(0, parameter.size()));
        }
        List<EpochReport> history = List.of(new EpochReport(1, EPOCHS, 0.5, 8, 1.5, 0.1),
                new EpochReport(2, EPOCHS, 0.25, 8, 1.25, 0.1));
        Path file = dir.resolve("mid-epoch.bpnn");
        ModelFiles.saveCheckpoint(network, config, new TrainingCheckpoint(2, states, history,
                new EpochProgress(3, 1.5, 7, 2.5)), file);
        return file;
    }

    /**
     * Rewrites the int {@code offset} bytes into the unfinished epoch's progress (the last 24 bytes before
     * the checksum: batches int, loss sum double, correct int, seconds double) and the checksum.
     */
    private static void patchProgressInt(Path file, int offset, int value) throws IOException {
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        int progress = bytes.length - Long.BYTES - (2 * Integer.BYTES + 2 * Double.BYTES);
        java.nio.ByteBuffer.wrap(bytes).putInt(progress + offset, value);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - Long.BYTES);
        java.nio.ByteBuffer.wrap(bytes).putLong(bytes.length - Long.BYTES, crc.getValue());
        java.nio.file.Files.write(file, bytes);
    }

    /** A checkpoint after 2 epochs with distinctive settings to find in the bytes. */
    private Path saved() {
        Network network = TestModels.trained(registry, 5);
        TrainingConfig config = TrainingConfig.builder().loss("mse").optimizer("sgd").epochs(EPOCHS).batchSize(BATCH)
                .seed(SEED).threads(3).build();
        List<OptimizerState> states = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            states.add(new OptimizerState(0, parameter.size()));
        }
        List<EpochReport> history = List.of(new EpochReport(1, EPOCHS + 1, 0.5, 4, 1.5, 0.1),
                new EpochReport(2, EPOCHS + 1, 0.25, 4, 1.25, 0.1));
        Path file = dir.resolve("run.bpnn");
        ModelFiles.saveCheckpoint(network, config, new TrainingCheckpoint(2, states, history), file);
        return file;
    }

    private void assertFailure(Path file, String... fragments) {
        String message = assertThrows(ModelFormatException.class, () -> ModelFiles.open(file, registry)).getMessage();
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
        }
    }
}
