package dev.backprop.examples.plugins;

import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingListener;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** What gives the commands their plugins: the top-level command, which knows {@code --plugins}. */
public interface PluginSource {

    /** The registry of the built-ins and, with {@code --plugins DIR}, that folder's plugins. */
    PluginRegistry pluginRegistry();

    /**
     * The registry for the command {@code spec}: its root command's when that is a
     * {@link PluginSource}, else the discovered one (a subcommand run on its own).
     */
    static PluginRegistry registryOf(CommandSpec spec) {
        Object root = spec.root().userObject();
        return root instanceof PluginSource source ? source.pluginRegistry() : PluginRegistry.discovered();
    }

    /** A trainer for {@code config} with its loss and optimizer resolved through {@code registry}. */
    static Trainer trainer(TrainingConfig config, PluginRegistry registry, List<? extends TrainingListener> listeners) {
        return new Trainer(config.settings(), registry.loss(config.loss(), config.lossHyperparameters()),
                registry.optimizer(config.optimizer(), config.optimizerHyperparameters()), listeners);
    }
}
