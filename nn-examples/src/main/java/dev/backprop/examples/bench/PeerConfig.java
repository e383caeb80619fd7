package dev.backprop.examples.bench;

import java.util.List;

/**
 * The three configurations of the peer benchmark ({@code bench/peers/RESULTS.md}), as {@code --peer-config}
 * names them. Each fixes the architecture, activation, loss, optimizer, learning rate, batch size and
 * epochs; explicit options override single settings.
 */
enum PeerConfig {

    /**
     * 784-100-10 sigmoid, mean squared error, plain gradient descent, batches of 32, 5 epochs. The peers
     * use lr 0.5 on {@code mean over the batch of Σ_k ½(o − y)²}; Backprop's {@code mse} averages over
     * the 10 outputs too and keeps the factor 2 ({@code 1/(B·K) Σ (o − y)²}), so its gradient is 1/5 of
     * theirs and lr 2.5 takes exactly the peers' steps.
     */
    C1(List.of(784, 100, 10), "sigmoid", "mse", "sgd", 2.5, 32, 5, 0),
    /** 784-256-128-10 ReLU, softmax + cross-entropy, Adam at 1e-3, batches of 128, 5 epochs. */
    C2(List.of(784, 256, 128, 10), "relu", BenchSettings.CROSS_ENTROPY, "adam", 1e-3, 128, 5, 0),
    /**
     * 784-1024-1024-10 ReLU, softmax + cross-entropy, momentum 0.9 at 0.05, batches of 256, 4 epochs with
     * the test accuracy taken after epoch 2, as the peers ran it.
     */
    C3(List.of(784, 1024, 1024, 10), "relu", BenchSettings.CROSS_ENTROPY, "momentum", 0.05, 256, 4, 2);

    private final List<Integer> layers;
    private final String activation;
    private final String loss;
    private final String optimizer;
    private final double learningRate;
    private final int batch;
    private final int epochs;
    private final int accuracyAfter;

    PeerConfig(List<Integer> layers, String activation, String loss, String optimizer, double learningRate, int batch,
               int epochs, int accuracyAfter) {
        this.layers = layers;
        this.activation = activation;
        this.loss = loss;
        this.optimizer = optimizer;
        this.learningRate = learningRate;
        this.batch = batch;
        this.epochs = epochs;
        this.accuracyAfter = accuracyAfter;
    }

    List<Integer> layers() {
        return layers;
    }

    String activation() {
        return activation;
    }

    String loss() {
        return loss;
    }

    String optimizer() {
        return optimizer;
    }

    double learningRate() {
        return learningRate;
    }

    int batch() {
        return batch;
    }

    int epochs() {
        return epochs;
    }

    /** The epoch after which the peers measured test accuracy; 0 for the last one. */
    int accuracyAfter() {
        return accuracyAfter;
    }
}
