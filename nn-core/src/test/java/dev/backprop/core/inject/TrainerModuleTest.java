package dev.backprop.core.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.backprop.api.Hyperparameters;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One registry bound in the application's injector, one child injector per run with its own config and listeners. */
class TrainerModuleTest {

    private final Injector app = Guice.createInjector(new PluginsModule());

    @Test
    void eachRun_getsItsConfigAndOnlyItsListeners_inTheOrderBound() {
        List<String> calls = new ArrayList<>();
        TrainingConfig sgd = TrainingConfig.builder().loss("mse").optimizer("sgd").learningRate(0.1).epochs(2)
                .batchSize(2).build();
        TrainingConfig momentum = TrainingConfig.builder().loss("mse")
                .optimizer("momentum", Hyperparameters.of("learning_rate", 0.05, "momentum", 0.5)).epochs(1)
                .batchSize(2).build();

        Trainer first = app.createChildInjector(new TrainerModule(sgd), binder -> {
            TrainerModule.listeners(binder).addBinding().toInstance(recorder("first.a", calls));
            TrainerModule.listeners(binder).addBinding().toInstance(recorder("first.b", calls));
        }).getInstance(Trainer.class);
        Trainer second = app.createChildInjector(new TrainerModule(momentum),
                binder -> TrainerModule.listeners(binder).addBinding().toInstance(recorder("second", calls)))
                .getInstance(Trainer.class);
        first.fit(network(), data());
        second.fit(network(), data());

        assertEquals(sgd.settings(), first.settings());
        assertEquals(sgd.optimizerHyperparameters(), first.config().optimizerHyperparameters());
        assertEquals(momentum.settings(), second.settings());
        assertEquals(momentum.optimizer(), second.optimizer().id());
        assertEquals(List.of("first.a 1", "first.b 1", "first.a 2", "first.b 2", "second 1"), calls);
    }

    @Test
    void withoutListenerBindings_theTrainerHasNone() {
        TrainingConfig config = TrainingConfig.builder().epochs(1).batchSize(2).build();

        Trainer trainer = app.createChildInjector(new TrainerModule(config)).getInstance(Trainer.class);

        assertTrue(trainer.fit(network(), data()).finalLoss() >= 0);
    }

    private static TrainingListener recorder(String name, List<String> calls) {
        return new TrainingListener() {
            @Override
            public void onEpochEnd(EpochReport report) {
                calls.add(name + " " + report.epoch());
            }
        };
    }

    private static Network network() {
        return Network.builder().input(1).dense(1, "identity").seed(1).build();
    }

    private static Dataset data() {
        return Dataset.of(new float[][] {{1}, {2}}, new float[][] {{2}, {4}});
    }
}
