package dev.backprop.core.inject;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.ProvisionException;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.loss.MeanSquaredError;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.EpochReport;
import dev.backprop.core.train.LoggingListener;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackpropModuleTest {

    private final TrainingConfig config = TrainingConfig.builder().loss("mse")
            .optimizer("momentum", Hyperparameters.of("learning_rate", 0.2, "momentum", 0.5)).epochs(3).batchSize(2).build();

    @Test
    void injector_resolvesOptimizerWithConfiguredHyperparameters() {
        Optimizer optimizer = Guice.createInjector(new BackpropModule(config)).getInstance(Optimizer.class);
        assertEquals("momentum", optimizer.id().value());
        assertEquals(0.2, optimizer.learningRate());
        assertEquals(0.5, optimizer.hyperparameters().get("momentum", 0));
    }

    @Test
    void injector_trainerCallsListenersAddedByOtherModules() {
        List<EpochReport> seen = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochReport report) {
                seen.add(report);
            }
        };
        Injector injector = Guice.createInjector(new BackpropModule(config), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), TrainingListener.class).addBinding().toInstance(recorder);
            }
        });
        Trainer trainer = injector.getInstance(Trainer.class);
        Network network = Network.builder().input(1).dense(1, "identity").build();
        trainer.fit(network, Dataset.of(new float[][] {{1}, {2}}, new float[][] {{2}, {4}}));
        assertEquals(3, seen.size());
        assertEquals(config.settings(), trainer.settings());
        assertEquals(config.optimizerHyperparameters(), trainer.config().optimizerHyperparameters());
        assertEquals(config.loss(), trainer.loss().id());
    }

    @Test
    void injector_unknownOptimizerId_failsWithTheRegistryMessage() {
        TrainingConfig bad = TrainingConfig.builder().optimizer("adma").build();
        ProvisionException e = assertThrows(ProvisionException.class,
                () -> Guice.createInjector(new BackpropModule(bad)).getInstance(Trainer.class));
        assertTrue(e.getCause() instanceof UnknownPluginException);
        assertTrue(e.getCause().getMessage().contains("Did you mean 'adam'?"), e.getCause().getMessage());
    }

    @Test
    void injector_givenRegistry_resolvesThePluginsThroughIt() {
        PluginRegistry lossesOnly = PluginRegistry.of(List.of(), List.of(new MeanSquaredError()), List.of());
        ProvisionException e = assertThrows(ProvisionException.class,
                () -> Guice.createInjector(new BackpropModule(config, lossesOnly)).getInstance(Trainer.class));
        assertTrue(e.getCause() instanceof UnknownPluginException, String.valueOf(e.getCause()));
        assertSame(lossesOnly, Guice.createInjector(new BackpropModule(config, lossesOnly))
                .getInstance(PluginRegistry.class));
    }

    @Test
    void injector_logsEveryRunThroughSlf4j() {
        Set<TrainingListener> listeners = Guice.createInjector(new BackpropModule(config))
                .getInstance(Key.get(new TypeLiteral<Set<TrainingListener>>() { }));
        assertEquals(1, listeners.size());
        assertTrue(listeners.iterator().next() instanceof LoggingListener, listeners.toString());
    }

    @Test
    void withoutLogging_bindsNoLoggingListener_andKeepsTheOtherModulesListeners() {
        Set<TrainingListener> none = Guice.createInjector(new BackpropModule(config).withoutLogging())
                .getInstance(Key.get(new TypeLiteral<Set<TrainingListener>>() { }));
        assertEquals(Set.of(), none);

        TrainingListener own = new TrainingListener() { };
        PluginRegistry registry = PluginRegistry.discovered();
        Injector injector = Guice.createInjector(new BackpropModule(config, registry).withoutLogging(),
                new AbstractModule() {
                    @Override
                    protected void configure() {
                        TrainerModule.listeners(binder()).addBinding().toInstance(own);
                    }
                });
        assertEquals(Set.of(own), injector.getInstance(Key.get(new TypeLiteral<Set<TrainingListener>>() { })));
        assertSame(registry, injector.getInstance(PluginRegistry.class), "the registry given is kept");
        assertEquals(config.settings(), injector.getInstance(Trainer.class).settings());
    }
}
