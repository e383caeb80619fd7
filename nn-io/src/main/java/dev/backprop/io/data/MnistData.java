package dev.backprop.io.data;

import dev.backprop.core.data.Dataset;
import java.util.Objects;

/**
 * The training and test sets of an MNIST-format folder, as {@link MnistFolder#load} returns them.
 *
 * @param train the training examples ({@code train-*} files), possibly limited to the first N
 * @param test  the test examples ({@code t10k-*} files), all of them
 */
public record MnistData(Dataset train, Dataset test) {

    /** Requires both sets. */
    public MnistData {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
    }
}
