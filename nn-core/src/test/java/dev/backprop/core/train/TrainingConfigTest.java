package dev.backprop.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.GradientClipping;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    private final TrainingConfig config = TrainingConfig.builder()
            .loss("huber", Hyperparameters.of("delta", 0.5))
            .optimizer("adam", Hyperparameters.of("beta1", 0.8)).learningRate(0.003)
            .epochs(7).batchSize(16).shuffle(false).seed(-5).threads(1)
            .schedule(LearningRateSchedule.step(3, 0.5)).clipping(GradientClipping.byNorm(2.0)).build();

    @Test
    void toBuilder_unchanged_buildsAnEqualConfiguration() {
        assertEquals(config, config.toBuilder().build());
    }

    @Test
    void toBuilder_changesOnlyWhatIsSet_andLeavesTheOriginalAlone() {
        TrainingConfig longer = config.toBuilder().epochs(17).build();

        assertEquals(17, longer.epochs());
        assertEquals(config.settings().toBuilder().epochs(17).build(), longer.settings());
        assertEquals(config.loss(), longer.loss());
        assertEquals(config.lossHyperparameters(), longer.lossHyperparameters());
        assertEquals(config.optimizer(), longer.optimizer());
        assertEquals(config.optimizerHyperparameters(), longer.optimizerHyperparameters());
        assertEquals(7, config.epochs());

        TrainingConfig faster = config.toBuilder().learningRate(0.01).build();
        assertEquals(Hyperparameters.of("beta1", 0.8, "learning_rate", 0.01), faster.optimizerHyperparameters());
        assertNotEquals(config, faster);

        TrainingConfig sgd = config.toBuilder().optimizer("sgd").build();
        assertEquals(Hyperparameters.none(), sgd.optimizerHyperparameters(),
                "a new optimizer starts from its defaults");
    }
}
