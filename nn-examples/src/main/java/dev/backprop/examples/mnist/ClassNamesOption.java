package dev.backprop.examples.mnist;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --classes}: the names the mnist commands give the ten classes in reports and predictions. */
public final class ClassNamesOption {

    @Option(names = "--classes", paramLabel = "NAMES", defaultValue = "auto",
            description = "Class names: auto (fashion when the data folder's path mentions fashion, else digits),"
                    + " fashion or digits.")
    ClassNames names;

    /** The names for the data in {@code folder}. */
    List<String> namesFor(Path folder) {
        return names.namesFor(folder);
    }
}
