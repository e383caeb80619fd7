package dev.backprop.examples.mnist;

import java.nio.file.Path;
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
}
