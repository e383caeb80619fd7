package dev.backprop.examples.mnist;

import dev.backprop.examples.plugins.PluginSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./backprop mnist train}: the same as {@code ./backprop mnist}. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains a classifier and saves it (a resumable checkpoint) to --model, with charts beside it.")
public final class MnistTrainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TrainOptions options;

    @Override
    public Integer call() {
        return new MnistTrainRun(options, PluginSource.registryOf(spec), spec.commandLine().getOut()).run();
    }
}
