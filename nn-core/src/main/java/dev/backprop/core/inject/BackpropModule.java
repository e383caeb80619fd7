package dev.backprop.core.inject;

import com.google.inject.AbstractModule;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LoggingListener;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;

/**
 * Everything a {@link Trainer} for one {@link TrainingConfig} needs, in one module: the plugin registry
 * ({@link PluginsModule}: discovered unless one is given), the run ({@link TrainerModule}: the loss and
 * optimizer resolved from the configuration's ids) and a {@link LoggingListener}. Other modules add
 * listeners with {@code TrainerModule.listeners(binder()).addBinding()...}.
 *
 * <pre>{@code
 * Trainer trainer = Guice.createInjector(new BackpropModule(config)).getInstance(Trainer.class);
 * }</pre>
 * Applications that train more than once bind the registry once ({@link PluginsModule}) and give each
 * run a child injector with its own {@link TrainerModule}. An application with its own progress display
 * leaves the logging listener out with {@link #withoutLogging()}. Guice is a convenience: every class it
 * builds can also be built with {@code new}.
 */
public final class BackpropModule extends AbstractModule {

    private final TrainingConfig config;
    private final PluginsModule plugins;
    private final boolean logging;

    /** Resolves plugins through {@link PluginRegistry#discovered()}. */
    public BackpropModule(TrainingConfig config) {
        this(config, new PluginsModule());
    }

    /** Resolves plugins through {@code registry} (tests, embedders, plugin folders). */
    public BackpropModule(TrainingConfig config, PluginRegistry registry) {
        this(config, new PluginsModule(registry));
    }

    private BackpropModule(TrainingConfig config, PluginsModule plugins) {
        this(config, plugins, true);
    }

    private BackpropModule(TrainingConfig config, PluginsModule plugins, boolean logging) {
        this.config = config;
        this.plugins = plugins;
        this.logging = logging;
    }

    /**
     * This module without the {@link LoggingListener}: the trainer gets only the listeners other modules
     * bind ({@code TrainerModule.listeners(binder()).addBinding()...}), for applications that show their
     * own progress.
     *
     * <pre>{@code
     * Trainer quiet = Guice.createInjector(new BackpropModule(config).withoutLogging()).getInstance(Trainer.class);
     * }</pre>
     */
    public BackpropModule withoutLogging() {
        return new BackpropModule(config, plugins, false);
    }

    @Override
    protected void configure() {
        install(plugins);
        install(new TrainerModule(config));
        var listeners = TrainerModule.listeners(binder());
        if (logging) {
            listeners.addBinding().to(LoggingListener.class);
        }
    }
}
