package dev.backprop.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Binder;
import com.google.inject.Provides;
import com.google.inject.multibindings.Multibinder;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Binds one training run: its {@link TrainingConfig}, the loss and optimizer resolved from the
 * configuration's ids through the {@link PluginRegistry} (bound by {@link PluginsModule} in the same
 * injector or a parent), the set of {@link TrainingListener}s (empty unless a module adds some with
 * {@link #listeners}) and the {@link Trainer} built from them, which calls the listeners in the order
 * they were bound.
 *
 * <p>An application binds its registry once and gives each run a child injector:
 * <pre>{@code
 * Injector app = Guice.createInjector(new PluginsModule());
 * Trainer trainer = app.createChildInjector(new TrainerModule(config),
 *         binder -> TrainerModule.listeners(binder).addBinding().toInstance(progress)).getInstance(Trainer.class);
 * }</pre>
 */
public final class TrainerModule extends AbstractModule {

    private final TrainingConfig config;

    /** A run of {@code config}. */
    public TrainerModule(TrainingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The set of training listeners, to add bindings to ({@code listeners(binder()).addBinding()...}). */
    public static Multibinder<TrainingListener> listeners(Binder binder) {
        return Multibinder.newSetBinder(binder, TrainingListener.class);
    }

    @Override
    protected void configure() {
        bind(TrainingConfig.class).toInstance(config);
        listeners(binder());
    }

    @Provides
    Loss loss(TrainingConfig trainingConfig, PluginRegistry plugins) {
        return plugins.loss(trainingConfig.loss(), trainingConfig.lossHyperparameters());
    }

    @Provides
    Optimizer optimizer(TrainingConfig trainingConfig, PluginRegistry plugins) {
        return plugins.optimizer(trainingConfig.optimizer(), trainingConfig.optimizerHyperparameters());
    }

    @Provides
    Trainer trainer(TrainingConfig trainingConfig, Loss loss, Optimizer optimizer, Set<TrainingListener> listeners) {
        return new Trainer(trainingConfig.settings(), loss, optimizer, List.copyOf(listeners));
    }
}
