package dev.backprop.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.NumericalInstabilityException;
import dev.backprop.api.PluginFailedException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.ScalarActivation;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run whose last batch of an epoch turns a parameter non-finite stops there: no checkpoint of that
 * epoch reaches the listeners, and the error says where (epoch, batch, parameter, plugin).
 */
class TrainerDivergenceTest {

    /** Identity whose derivative is NaN for large inputs: only the last batch's example reaches them. */
    private static final ScalarActivation NAN_FOR_LARGE_INPUTS = new ScalarActivation() {
        @Override
        public PluginId id() {
            return PluginId.of("acme.nan_when_large");
        }

        @Override
        public double value(double x) {
            return x;
        }

        @Override
        public double derivative(double x, double y) {
            return Math.abs(x) > 3 ? Double.NaN : 1;
        }
    };

    /** Records the epochs whose checkpoints it was offered. */
    private static final class Checkpoints implements TrainingListener {
        final List<Integer> epochs = new ArrayList<>();

        @Override
        public void onCheckpoint(Network network, TrainingConfig config, TrainingCheckpoint checkpoint, boolean last) {
            epochs.add(checkpoint.completedEpochs());
        }
    }

    @Test
    void nanDerivativeInTheLastBatchOfAnEpoch_stopsThereWithoutACheckpoint() {
        Network network = Network.builder().input(1).dense(2, NAN_FOR_LARGE_INPUTS).dense(1, "sigmoid").seed(5)
                .build();
        Dataset data = Dataset.of(new float[][] {{0.01f}, {0.02f}, {0.03f}, {0.04f}, {0.05f}, {1000f}},
                new float[][] {{0}, {1}, {0}, {1}, {0}, {1}});
        TrainingConfig config = TrainingConfig.builder().loss("mse").optimizer("sgd").learningRate(0.1).epochs(3)
                .batchSize(2).shuffle(false).threads(1).build();
        Checkpoints checkpoints = new Checkpoints();
        Trainer trainer = TestTrainers.of(config, PluginRegistry.discovered(), List.of(checkpoints));
        NumericalInstabilityException e = assertThrows(NumericalInstabilityException.class,
                () -> trainer.fit(network, data));
        assertTrue(e.getMessage().startsWith("Training stopped at epoch 1, batch 3 of 3: The update made dense_1."),
                e.getMessage());
        assertTrue(e.getMessage().contains("it started in the backward (derivative) of the activation"
                + " 'acme.nan_when_large' of dense_1"), e.getMessage());
        assertTrue(e.getMessage().endsWith(" Nothing from this epoch was saved."), e.getMessage());
        assertEquals(List.of(), checkpoints.epochs, "no checkpoint holds the non-finite weights");
    }

    @Test
    void pluginThrowingDuringTraining_isNamedWithTheEpochAndBatch() {
        ScalarActivation throwing = new ScalarActivation() {
            @Override
            public PluginId id() {
                return PluginId.of("acme.throws");
            }

            @Override
            public double value(double x) {
                throw new IllegalStateException("not today");
            }

            @Override
            public double derivative(double x, double y) {
                return 1;
            }
        };
        Network network = Network.builder().input(1).dense(2, throwing).dense(1, "sigmoid").build();
        Dataset data = Dataset.of(new float[][] {{1}, {2}}, new float[][] {{0}, {1}});
        TrainingConfig config = TrainingConfig.builder().loss("mse").epochs(1).batchSize(2).threads(1).build();
        PluginFailedException e = assertThrows(PluginFailedException.class,
                () -> TestTrainers.of(config, PluginRegistry.discovered(), List.of()).fit(network, data));
        assertEquals("acme.throws", e.pluginId());
        assertEquals("Training stopped at epoch 1, batch 1 of 1: The activation 'acme.throws' of dense_1 threw in its"
                + " forward pass (value): IllegalStateException: not today. Fix the plugin, or choose another"
                + " activation (the plugins command lists them). Nothing from this epoch was saved.", e.getMessage());
    }
}
