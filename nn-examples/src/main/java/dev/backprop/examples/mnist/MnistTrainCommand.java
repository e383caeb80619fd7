package dev.backprop.examples.mnist;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.inject.Trainers;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./backprop mnist train}: the same as {@code ./backprop mnist}. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        defaultValueProvider = MnistDefaults.class,
        description = "Trains a classifier and saves it (a resumable checkpoint) to --model, with charts beside it.")
public final class MnistTrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainOptions options;

    private final Provider<PluginRegistry> registry;
    private final Trainers trainers;

    /**
     * @param registry the plugins, from {@code --plugins}
     * @param trainers gives the trainer
     */
    @Inject
    MnistTrainCommand(Provider<PluginRegistry> registry, Trainers trainers) {
        this.registry = registry;
        this.trainers = trainers;
    }

    @Override
    public Integer call() {
        return new MnistTrainRun(options, registry.get(), trainers, spec.commandLine().getOut()).run();
    }
}
