package dev.backprop.io.model;

import dev.backprop.core.network.Network;
import java.nio.file.Path;

/**
 * A separate process for {@link ModelFilesKillDuringSaveTest}: saves a large network to the file given
 * as its argument again and again, with other weights each time, until it is killed.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        for (long seed = 1; ; seed++) {
            Network network = Network.builder().input(1000).dense(1000, "tanh").dense(10, "softmax").seed(seed).build();
            ModelFiles.save(network, file);
        }
    }
}
