package dev.backprop.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.Multibinder;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LoggingListener;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.util.List;
import java.util.Set;

/**
 * Wires a {@link Trainer} from a {@link TrainingConfig}: the plugin registry (discovered unless one
 * is given), the loss and optimizer resolved from the configuration's ids, and the set of training
 * listeners ({@link LoggingListener} by default; other modules add theirs with
 * {@code Multibinder.newSetBinder(binder(), TrainingListener.class).addBinding()...}).
 *
 * <pre>{@code
 * Trainer trainer = Guice.createInjector(new BackpropModule(config)).getInstance(Trainer.class);
 * }</pre>
 * Guice is a convenience: every class it builds can also be built with {@code new}.
 */
public final class BackpropModule extends AbstractModule {

    private final TrainingConfig config;
    private final PluginRegistry registry;

    /** Resolves plugins through {@link PluginRegistry#discovered()}. */
    public BackpropModule(TrainingConfig config) {
        this(config, null);
    }

    /** Resolves plugins through {@code registry} (tests, embedders, plugin folders). */
    public BackpropModule(TrainingConfig config, PluginRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    @Override
    protected void configure() {
        bind(TrainingConfig.class).toInstance(config);
        Multibinder.newSetBinder(binder(), TrainingListener.class).addBinding().to(LoggingListener.class);
    }

    @Provides
    @Singleton
    PluginRegistry registry() {
        return registry != null ? registry : PluginRegistry.discovered();
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
