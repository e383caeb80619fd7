package dev.backprop.examples.mnist;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.options.DataOption;
import dev.backprop.examples.options.ModelOption;
import dev.backprop.io.data.MnistFolder;
import dev.backprop.io.model.LoadedModel;
import dev.backprop.io.model.ModelFiles;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** The options {@code mnist evaluate} and {@code mnist predict} share: which model, which data, which class names. */
public final class SavedModelOptions {

    @Mixin
    private ModelOption model;

    @Mixin
    private DataOption data;

    @Mixin
    private ClassNamesOption classes;

    /** The model file. */
    Path model() {
        return model.file();
    }

    /** The MNIST-format folder whose test images are used. */
    Path data() {
        return data.path();
    }

    /** The names of the ten classes of {@link #data()}. */
    List<String> classNames() {
        return classes.namesFor(data());
    }

    /**
     * The saved model and the test images it is measured on, checked against each other; fails when
     * training options were given to {@code mnist} before the subcommand {@code spec}.
     */
    ModelAndTest open(CommandSpec spec, PluginRegistry registry) {
        MnistPredictions.requireNoTrainingOptions(spec);
        LoadedModel loaded = ModelFiles.open(model(), registry);
        Dataset test = MnistFolder.loadTest(data());
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
