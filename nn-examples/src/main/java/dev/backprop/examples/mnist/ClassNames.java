package dev.backprop.examples.mnist;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The names of an MNIST-format data set's ten classes, for reports and predictions. */
enum ClassNames {
    /** Fashion when the data folder's path mentions "fashion", digits otherwise. */
    AUTO(List.of()),
    /** Fashion-MNIST's ten kinds of clothing, in label order. */
    FASHION(List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
            "Ankle boot")),
    /** MNIST's digits. */
    DIGITS(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

    private final List<String> names;

    ClassNames(List<String> names) {
        this.names = names;
    }

    /** The names for data in {@code folder}: this set's own, or for {@link #AUTO} the one the path suggests. */
    List<String> namesFor(Path folder) {
        if (this != AUTO) {
            return names;
        }
        boolean fashion = folder.toAbsolutePath().normalize().toString().toLowerCase(Locale.ROOT).contains("fashion");
        return (fashion ? FASHION : DIGITS).names;
    }
}
