package dev.backprop.examples.mnist;

import com.google.inject.Inject;
import dev.backprop.examples.inject.Trainers;
import dev.backprop.examples.plugins.PluginsOption;
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

    private final Trainers trainers;
    private final PluginsOption plugins;

    /**
     * @param trainers gives the trainers, and the plugin registry bound from {@code --plugins}
     * @param plugins  {@code --plugins}, whose folders a resume needs again
     */
    @Inject
    MnistTrainCommand(Trainers trainers, PluginsOption plugins) {
        this.trainers = trainers;
        this.plugins = plugins;
    }

    @Override
    public Integer call() {
        return new MnistTrainRun(options, trainers.registry(), trainers, spec.commandLine().getOut(),
                spec.commandLine().getErr(), plugins.folders()).run();
    }
}
