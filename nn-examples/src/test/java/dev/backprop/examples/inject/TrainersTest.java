package dev.backprop.examples.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import dev.backprop.api.Hyperparameters;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.examples.plugins.PluginsOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainersTest {

    private final List<String> calls = new ArrayList<>();

    @Test
    void eachTrainer_hasItsConfig_andCallsItsOwnListenersThenTheAppsEveryRunListeners() {
        Injector app = Guice.createInjector(new CliModule(), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), TrainingListener.class, EveryRun.class).addBinding()
                        .toInstance(recorder("dashboard"));
            }
        });
        Trainers trainers = app.getInstance(Trainers.class);
        TrainingConfig momentum = TrainingConfig.builder().loss("mse")
                .optimizer("momentum", Hyperparameters.of("learning_rate", 0.05, "momentum", 0.5)).epochs(2)
                .batchSize(2).threads(1).build();
        TrainingConfig sgd = TrainingConfig.builder().loss("mse").optimizer("sgd").learningRate(0.1).epochs(1)
                .batchSize(2).threads(1).build();

        Trainer first = trainers.create(momentum, recorder("progress"), recorder("checkpoints"));
        Trainer second = trainers.create(sgd);
        first.fit(network(), data());
        second.fit(network(), data());

        assertEquals(momentum.settings(), first.settings());
        assertEquals(momentum.optimizer(), first.optimizer().id());
        assertEquals(sgd.settings(), second.settings());
        assertEquals(sgd.optimizerHyperparameters(), second.config().optimizerHyperparameters());
        assertEquals(List.of("progress 1", "checkpoints 1", "dashboard 1", "progress 2", "checkpoints 2",
                "dashboard 2", "dashboard 1"), calls);
    }

    @Test
    void theRegistry_isBuiltOnceFromThePluginsOption_whenFirstNeeded() {
        Injector app = Guice.createInjector(new CliModule());

        PluginRegistry registry = app.getInstance(PluginRegistry.class);

        assertSame(PluginRegistry.discovered(), registry, "no --plugins: the built-ins");
        assertSame(registry, app.getInstance(PluginRegistry.class));
        assertSame(app.getInstance(PluginsOption.class), app.getInstance(PluginsOption.class));
    }

    @Test
    void guiceFactory_buildsInjectableClasses_andLeavesCollectionsToPicocli() throws Exception {
        GuiceFactory factory = new GuiceFactory(Guice.createInjector(new CliModule()));

        assertTrue(factory.create(Trainers.class) instanceof Trainers);
        assertTrue(factory.create(List.class) instanceof List, "picocli's own factory makes the collections");
    }

    private TrainingListener recorder(String name) {
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
