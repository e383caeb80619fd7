package dev.backprop.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    @Test
    void schedules_printByTheirConfigFileNamesAndKeys() {
        assertEquals("constant", LearningRateSchedule.constant().toString());
        assertEquals("step(every_epochs=10, factor=0.5)", LearningRateSchedule.step(10, 0.5).toString());
        assertEquals("exponential(decay=0.95)", LearningRateSchedule.exponential(0.95).toString());
        assertEquals("cosine(minimum_fraction=0.0)", LearningRateSchedule.cosine(0.0).toString());
        assertEquals("linear_warmup(warmup_epochs=2, then=cosine(minimum_fraction=0.1))",
                LearningRateSchedule.linearWarmup(2, LearningRateSchedule.cosine(0.1)).toString());
        String settings = TrainingSettings.builder().schedule(LearningRateSchedule.cosine(0.0)).build().toString();
        assertTrue(settings.contains(", schedule=cosine(minimum_fraction=0.0), "), settings);
    }

    @Test
    void step_multipliesEveryNEpochs() {
        LearningRateSchedule schedule = LearningRateSchedule.step(2, 0.5);
        assertEquals(0.1, schedule.rate(1, 6, 0.1), 1e-12);
        assertEquals(0.1, schedule.rate(2, 6, 0.1), 1e-12);
        assertEquals(0.05, schedule.rate(3, 6, 0.1), 1e-12);
        assertEquals(0.025, schedule.rate(5, 6, 0.1), 1e-12);
    }

    @Test
    void exponential_decaysFromTheInitialRate() {
        LearningRateSchedule schedule = LearningRateSchedule.exponential(0.9);
        assertEquals(1.0, schedule.rate(1, 10, 1.0), 1e-12);
        assertEquals(0.729, schedule.rate(4, 10, 1.0), 1e-12);
    }

    @Test
    void cosine_goesFromInitialToMinimumThroughTheMidpoint() {
        LearningRateSchedule schedule = LearningRateSchedule.cosine(0.1);
        assertEquals(1.0, schedule.rate(1, 5, 1.0), 1e-12);
        assertEquals(0.55, schedule.rate(3, 5, 1.0), 1e-12);
        assertEquals(0.1, schedule.rate(5, 5, 1.0), 1e-12);
    }

    @Test
    void linearWarmup_rampsThenHandsOver() {
        LearningRateSchedule schedule = LearningRateSchedule.linearWarmup(3, LearningRateSchedule.step(1, 0.5));
        assertEquals(0.25, schedule.rate(1, 6, 1.0), 1e-12);
        assertEquals(0.75, schedule.rate(3, 6, 1.0), 1e-12);
        assertEquals(1.0, schedule.rate(4, 6, 1.0), 1e-12);
        assertEquals(0.5, schedule.rate(5, 6, 1.0), 1e-12);
    }

    @Test
    void badSettings_sayWhatIsValid() {
        InvalidConfigurationException e = assertThrows(InvalidConfigurationException.class,
                () -> LearningRateSchedule.step(0, 0.5));
        assertTrue(e.getMessage().contains("for example step(10, 0.5)"), e.getMessage());
        assertThrows(InvalidConfigurationException.class, () -> LearningRateSchedule.exponential(1.5));
        assertThrows(InvalidConfigurationException.class, () -> LearningRateSchedule.cosine(-0.1));
    }

    @Test
    void trainer_appliesTheScheduleEachEpoch() {
        List<Double> rates = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochReport report) {
                rates.add(report.learningRate());
            }
        };
        TrainingConfig config = TrainingConfig.builder().optimizer("sgd").learningRate(0.4).epochs(3).batchSize(2)
                .schedule(LearningRateSchedule.step(1, 0.5)).build();
        Network network = Network.builder().input(1).dense(1, "identity").build();
        TestTrainers.of(config, PluginRegistry.discovered(), List.of(recorder))
                .fit(network, Dataset.of(new float[][] {{1}, {2}}, new float[][] {{2}, {4}}));
        assertEquals(List.of(0.4, 0.2, 0.1), rates);
    }

    @Test
    void trainer_scheduledRateTakesTheSameStepsAsThatRateSetDirectly() {
        Dataset data = Dataset.of(new float[][] {{1}, {2}, {3}}, new float[][] {{2}, {4}, {6}});
        Network scheduled = Network.builder().input(1).dense(1, "identity").build();
        Network direct = Network.builder().input(1).dense(1, "identity").build();
        TrainingConfig.Builder base = TrainingConfig.builder().optimizer("sgd").epochs(1).batchSize(3);
        TestTrainers.of(base.learningRate(0.2).schedule(LearningRateSchedule.linearWarmup(1,
                LearningRateSchedule.constant())).build(), PluginRegistry.discovered(), List.of()).fit(scheduled, data);
        TestTrainers.of(base.learningRate(0.1).schedule(LearningRateSchedule.constant()).build(),
                PluginRegistry.discovered(), List.of()).fit(direct, data);
        assertEquals(direct.parameters().get(0).values()[0], scheduled.parameters().get(0).values()[0]);
    }
}
