package dev.backprop.examples.inject;

import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.multibindings.Multibinder;
import dev.backprop.core.inject.TrainerModule;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.util.List;
import java.util.Set;

/**
 * Gives each command its trainers: one child of the command line's injector per run, binding the run's
 * {@link TrainingConfig} ({@link TrainerModule}: the loss and optimizer resolved through the registry
 * bound once from {@code --plugins}) and its listeners: the command's own (progress, checkpoints, ...),
 * then the app's {@link EveryRun} ones.
 */
public final class Trainers {

    private final Injector injector;
    private final List<TrainingListener> everyRun;

    /**
     * @param injector the command line's injector, which binds the plugin registry
     * @param everyRun the listeners every run gets
     */
    @Inject
    public Trainers(Injector injector, @EveryRun Set<TrainingListener> everyRun) {
        this.injector = injector;
        this.everyRun = List.copyOf(everyRun);
    }

    /** The application's plugin registry: the built-ins and the jars of {@code --plugins}, built on first use. */
    public PluginRegistry registry() {
        return injector.getInstance(PluginRegistry.class);
    }

    /** A trainer for {@code config} that calls {@code listeners} in order, then the app's own. */
    public Trainer create(TrainingConfig config, TrainingListener... listeners) {
        List<TrainingListener> own = List.of(listeners);
        return injector.createChildInjector(new TrainerModule(config), binder -> {
            Multibinder<TrainingListener> bound = TrainerModule.listeners(binder);
            own.forEach(listener -> bound.addBinding().toInstance(listener));
            everyRun.forEach(listener -> bound.addBinding().toInstance(listener));
        }).getInstance(Trainer.class);
    }
}
