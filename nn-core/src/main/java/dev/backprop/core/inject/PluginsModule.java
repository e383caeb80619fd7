package dev.backprop.core.inject;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.backprop.core.plugin.PluginRegistry;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Binds the {@link PluginRegistry} once per injector: the discovered plugins, a given registry, or the
 * one a supplier builds on first use (an application whose plugin folder is known only once its command
 * line is parsed). Child injectors share it, so every trainer of an application resolves ids the same way.
 *
 * <pre>{@code
 * Injector app = Guice.createInjector(new PluginsModule());
 * Trainer trainer = app.createChildInjector(new TrainerModule(config)).getInstance(Trainer.class);
 * }</pre>
 */
public final class PluginsModule extends AbstractModule {

    private final Supplier<PluginRegistry> registry;

    /** The plugins found through {@link PluginRegistry#discovered()}. */
    public PluginsModule() {
        this(PluginRegistry::discovered);
    }

    /** {@code registry} (tests, embedders). */
    public PluginsModule(PluginRegistry registry) {
        this(supplying(registry));
    }

    /** The registry {@code registry} builds when it is first needed; it is asked once. */
    public PluginsModule(Supplier<PluginRegistry> registry) {
        this.registry = Objects.requireNonNull(registry, "registry supplier");
    }

    private static Supplier<PluginRegistry> supplying(PluginRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        return () -> registry;
    }

    @Provides
    @Singleton
    PluginRegistry registry() {
        return Objects.requireNonNull(registry.get(), "the registry supplier returned null");
    }
}
