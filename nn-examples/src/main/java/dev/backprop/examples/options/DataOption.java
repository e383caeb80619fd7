package dev.backprop.examples.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --data}: where a command reads its examples. Each command gives the default. */
public final class DataOption {

    @Option(names = "--data", paramLabel = "PATH",
            description = "Where the examples are. mnist and bench: a folder in the MNIST layout, with"
                    + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and"
                    + " t10k-labels-idx1-ubyte, each plain or .gz (mnist evaluate and predict read only the t10k"
                    + " files), such as data/fashion-mnist-small (6,000 + 2,000 images, shipped) or the full set in"
                    + " ../shared/data/fashion-mnist. iris: a CSV file with a header and the class in the last"
                    + " column.")
    Path path;

    /** The path given or defaulted; {@code null} when the command has no default and none was given. */
    public Path path() {
        return path;
    }
}
