package dev.backprop.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.loss.Loss;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private final Loss mse = PluginRegistry.discovered().loss("mse");

    /** Training data that contradicts the validation data: the validation loss only gets worse. */
    @Test
    void stopsAfterPatienceAndRestoresTheBestWeights() {
        Dataset train = Dataset.of(new float[][] {{1}, {2}}, new float[][] {{-1}, {-2}});
        Dataset validation = Dataset.of(new float[][] {{1}, {2}}, new float[][] {{1}, {2}});
        Network network = Network.builder().input(1).dense(1, "identity").build();
        EarlyStopping stopping = new EarlyStopping(network, validation, mse, EarlyStopping.Metric.VALIDATION_LOSS, 2, 0,
                true);
        float[] weightAfterFirstEpoch = new float[1];
        TrainingListener snapshot = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochReport report) {
                if (report.epoch() == 1) {
                    weightAfterFirstEpoch[0] = network.parameters().get(0).values()[0];
                }
            }
        };
        TrainingConfig config = TrainingConfig.builder().optimizer("sgd").learningRate(0.05).epochs(50).batchSize(2)
                .build();
        TrainingHistory history = TestTrainers.of(config, PluginRegistry.discovered(), List.of(snapshot, stopping))
                .fit(network, train);
        assertEquals(3, history.epochs().size(), "best at epoch 1, then 2 epochs without improvement");
        assertEquals(1, stopping.bestEpoch());
        assertArrayEquals(weightAfterFirstEpoch, new float[] {network.parameters().get(0).values()[0]});
    }

    @Test
    void keepsTrainingWhileTheMetricImproves() {
        Dataset data = Dataset.of(new float[][] {{1}, {2}, {3}}, new float[][] {{2}, {4}, {6}});
        Network network = Network.builder().input(1).dense(1, "identity").build();
        EarlyStopping stopping = new EarlyStopping(network, data, mse, EarlyStopping.Metric.VALIDATION_LOSS, 3, 0, true);
        TrainingConfig config = TrainingConfig.builder().optimizer("sgd").learningRate(0.02).epochs(20).batchSize(3)
                .build();
        TrainingHistory history = TestTrainers.of(config, PluginRegistry.discovered(), List.of(stopping))
                .fit(network, data);
        assertEquals(20, history.epochs().size());
        assertEquals(20, stopping.bestEpoch());
        assertTrue(stopping.best() < 1.0);
    }

    @Test
    void badPatience_saysWhatIsValid() {
        Network network = Network.builder().input(1).dense(1, "identity").build();
        Dataset data = Dataset.of(new float[][] {{1}}, new float[][] {{1}});
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> new EarlyStopping(network, data, mse, EarlyStopping.Metric.VALIDATION_LOSS, 0, 0, true));
        assertTrue(e.getMessage().contains("patience of at least 1 epoch"), e.getMessage());
    }
}
