package dev.backprop.examples.mnist;

import com.google.inject.Inject;
import dev.backprop.examples.inject.Trainers;
import dev.backprop.examples.plugins.PluginsOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./backprop mnist}: trains an MLP classifier on any folder in the MNIST layout (by default the
 * Fashion-MNIST subset shipped in the repository); {@code mnist evaluate} and {@code mnist predict}
 * use a saved model.
 */
@Command(name = "mnist", mixinStandardHelpOptions = true, showDefaultValues = true,
        defaultValueProvider = MnistDefaults.class,
        description = {"Trains an MLP classifier on an MNIST-format folder (default: the Fashion-MNIST subset"
                + " shipped in data/fashion-mnist-small), with a validation split, a progress bar, checkpoints,"
                + " a test report (accuracy, per-class precision and recall, confusion matrix) and PNG charts"
                + " of loss and accuracy beside the model.",
                "Same as 'mnist train'; 'mnist evaluate' and 'mnist predict' use a saved model."},
        subcommands = {MnistTrainCommand.class, MnistEvaluateCommand.class, MnistPredictCommand.class})
public final class MnistCommand implements Callable<Integer> {

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
    MnistCommand(Trainers trainers, PluginsOption plugins) {
        this.trainers = trainers;
        this.plugins = plugins;
    }

    @Override
    public Integer call() {
        return new MnistTrainRun(options, trainers.registry(), trainers, spec.commandLine().getOut(),
                spec.commandLine().getErr(), plugins.folders()).run();
    }
}
