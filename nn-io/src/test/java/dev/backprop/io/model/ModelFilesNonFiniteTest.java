package dev.backprop.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.NumericalInstabilityException;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A network or checkpoint with a NaN or an infinity is never written over a good file. */
class ModelFilesNonFiniteTest {

    @TempDir
    Path dir;

    private final Network network = TestModels.trained(TestActivations.both(), 3);

    @Test
    void nanWeight_isRefusedBeforeWriting_andThePreviousFileIsUnchanged() throws IOException {
        Path file = dir.resolve("model.bpnn");
        ModelFiles.save(network, file);
        byte[] good = Files.readAllBytes(file);
        network.parameter("dense_2.bias").values()[0] = Float.NaN;

        NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                () -> ModelFiles.save(network, file));

        assertEquals("Refused to save the model to " + file + ": dense_2.bias holds NaN (at index 0). Any previous file"
                + " there is unchanged; the run diverged, so lower the learning rate or clip the gradients and train"
                + " again.", e.getMessage());
        assertArrayEquals(good, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file either");
        }
    }

    @Test
    void checkpointWithAnInfiniteOptimizerState_isRefused() {
        Path file = dir.resolve("checkpoint.bpnn");
        List<OptimizerState> states = network.parameters().stream().map(p -> new OptimizerState(1, p.size())).toList();
        states.get(1).slot(0)[2] = Float.NEGATIVE_INFINITY;
        TrainingConfig config = TrainingConfig.builder().optimizer("momentum").build();

        NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                () -> ModelFiles.saveCheckpoint(network, config, new TrainingCheckpoint(0, states, List.of()), file));

        assertTrue(e.getMessage().contains("the optimizer state (slot 0) of dense_1.bias holds -Infinity (at index 2)"),
                e.getMessage());
        assertTrue(Files.notExists(file));
    }
}
