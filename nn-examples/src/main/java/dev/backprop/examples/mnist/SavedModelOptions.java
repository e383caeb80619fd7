package dev.backprop.examples.mnist;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.data.MnistFolder;
import dev.backprop.io.model.LoadedModel;
import dev.backprop.io.model.ModelFiles;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The options {@code mnist evaluate} and {@code mnist predict} share: which model, which data. */
public final class SavedModelOptions {

    @Option(names = "--model", paramLabel = "FILE", defaultValue = "runs/mnist/model.bpnn",
            description = "A model saved by 'mnist train' (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${sys:backprop.home:-.}/data/fashion-mnist-small",
            description = "Folder with the MNIST-format test files t10k-images-idx3-ubyte[.gz] and"
                    + " t10k-labels-idx1-ubyte[.gz] (default: the shipped Fashion-MNIST subset).")
    Path data;

    @Option(names = "--classes", paramLabel = "NAMES", defaultValue = "auto", description = "Class names: auto, fashion or digits"
            + " (default: ${DEFAULT-VALUE}: fashion when the data folder's path mentions fashion).")
    ClassNames classes;

    /**
     * The saved model and the test images it is measured on, checked against each other; fails when
     * training options were given to {@code mnist} before the subcommand {@code spec}.
     */
    ModelAndTest open(CommandSpec spec, PluginRegistry registry) {
        MnistPredictions.requireNoTrainingOptions(spec);
        LoadedModel loaded = ModelFiles.open(model, registry);
        Dataset test = MnistFolder.loadTest(data);
        MnistPredictions.requireInputs(loaded.network(), test, this);
        return new ModelAndTest(loaded, test);
    }

    /**
     * A saved model with the test images of {@code --data}.
     *
     * @param model the model file's content
     * @param test  the test images, one-hot labelled
     */
    record ModelAndTest(LoadedModel model, Dataset test) {
    }
}
