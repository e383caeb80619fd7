package dev.backprop.examples.mnist;

import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.io.model.ModelFiles;
import java.nio.file.Path;
import java.util.Optional;

/** Checks and facts about a saved model that {@code mnist evaluate} and {@code mnist predict} share. */
final class MnistPredictions {

    private MnistPredictions() {
    }

    /** Fails clearly when the model does not take the data's images or does not give one output per class. */
    static void requireInputs(Network network, Dataset test, SavedModelOptions options) {
        if (network.inputWidth() != test.featureWidth()) {
            throw new ShapeMismatchException("The model " + options.model + " takes " + network.inputWidth()
                    + " inputs but the images in " + options.data + " have " + test.featureWidth() + " pixels: use a"
                    + " model trained on images of this size.", network.inputWidth(), test.featureWidth());
        }
        if (network.outputWidth() != test.targetWidth()) {
            throw new ShapeMismatchException("The model " + options.model + " gives " + network.outputWidth()
                    + " outputs but the data has " + test.targetWidth() + " classes: use a model trained for them.",
                    test.targetWidth(), network.outputWidth());
        }
    }

    /** The epochs the model was trained for, when it was saved as a checkpoint; 0 otherwise. */
    static int epochs(Path model, dev.backprop.core.plugin.PluginRegistry registry) {
        return ModelFiles.checkpoint(model).map(TrainingCheckpoint::completedEpochs).orElse(0);
    }

    /** A few words on how the model was trained. */
    static String trainedEpochs(Path model, dev.backprop.core.plugin.PluginRegistry registry) {
        Optional<TrainingCheckpoint> checkpoint = ModelFiles.checkpoint(model);
        return checkpoint.map(c -> "trained for " + c.completedEpochs() + " epochs")
                .orElse("saved without its training history");
    }
}
