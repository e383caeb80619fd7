package dev.backprop.examples.inject;

import com.google.inject.AbstractModule;
import com.google.inject.multibindings.Multibinder;
import dev.backprop.core.inject.PluginsModule;
import dev.backprop.core.train.LoggingListener;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.examples.plugins.PluginsOption;

/**
 * The command line's injector: one {@link PluginsOption}, which picocli fills in from {@code --plugins};
 * the plugin registry bound once from it ({@link PluginsModule}), built when a command first needs it,
 * after parsing; and the listeners of every run ({@link EveryRun}: a {@link LoggingListener}, silent
 * unless {@code -Dbackprop.log=INFO}). Commands get the registry as a {@code Provider<PluginRegistry>}
 * (picocli builds them before it parses) and their trainers from {@link Trainers}.
 */
public final class CliModule extends AbstractModule {

    private final PluginsOption plugins = new PluginsOption();

    @Override
    protected void configure() {
        bind(PluginsOption.class).toInstance(plugins);
        install(new PluginsModule(plugins::registry));
        Multibinder.newSetBinder(binder(), TrainingListener.class, EveryRun.class).addBinding()
                .to(LoggingListener.class);
    }
}
