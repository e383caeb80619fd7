package dev.backprop.examples.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model}: the model file a command writes or reads. Each command gives the default. */
public final class ModelOption {

    @Option(names = "--model", paramLabel = "FILE",
            description = "The model file (.bpnn). Training saves the network there (mnist: a resumable"
                    + " checkpoint, after every --checkpoint-every epochs, with the charts beside it; xor: only"
                    + " when given); mnist evaluate and predict, summary, diagram and export read it; import writes it.")
    Path file;

    /** The file given or defaulted; {@code null} when the command has no default and none was given. */
    public Path file() {
        return file;
    }
}
