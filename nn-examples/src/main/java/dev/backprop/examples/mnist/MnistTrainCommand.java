package dev.backprop.examples.mnist;

import com.google.inject.Inject;
import com.google.inject.Provider;
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

    private final Trainers trainers;

    /**
     * @param trainers gives the trainers, and the plugin registry bound from {@code --plugins}
     */
    @Inject
    MnistTrainCommand(Trainers trainers) {
        this.trainers = trainers;
    }

    @Override
    public Integer call() {
        return new MnistTrainRun(options, trainers.registry(), trainers, spec.commandLine().getOut(),
                spec.commandLine().getErr()).run();
    }
}
