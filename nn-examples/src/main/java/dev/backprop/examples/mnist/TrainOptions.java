package dev.backprop.examples.mnist;

import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code ./backprop mnist} (and {@code mnist train}). Network and training settings
 * start from a {@link Preset}; each option given on the command line overrides its preset value.
 */
public final class TrainOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${sys:backprop.home:-.}/data/fashion-mnist-small",
            description = "Folder with the four MNIST-format IDX files, gzipped or not (default: the 6,000 + 2,000"
                    + " image Fashion-MNIST subset shipped in data/fashion-mnist-small; the full set:"
                    + " --data ../shared/data/fashion-mnist).")
    Path data;

    @Option(names = "--model", paramLabel = "FILE", defaultValue = "runs/mnist/model.bpnn",
            description = "Where the trained model (a resumable checkpoint) is saved; the charts go beside it"
                    + " (default: ${DEFAULT-VALUE}).")
    Path model;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Starting settings: default or seed (default: default). default: 784-512-256-10"
                    + " ReLU, dropout 0.2, softmax + cross-entropy, Adam 1e-3 with cosine decay, batch 128, 20 epochs."
                    + " seed: the seed's setup, 784-100-10 sigmoid, mean squared error, plain gradient descent"
                    + " (lr 2.5), batch 32, 10 epochs.")
    Preset preset;

    @Option(names = "--hidden", split = ",", paramLabel = "N[,N...]", description = "Hidden layer widths (default preset: 512,256; seed: 100).")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "ID", description = "Hidden layers' activation id (relu; seed: sigmoid).")
    String activation;

    @Option(names = "--output", paramLabel = "ID", description = "Output layer's activation id (softmax; seed: sigmoid).")
    String output;

    @Option(names = "--dropout", paramLabel = "RATE", description = "Dropout after each hidden layer, in [0, 1) (0.2; seed: 0).")
    Double dropout;

    @Option(names = "--loss", paramLabel = "ID", description = "Loss id (categorical_cross_entropy; seed: mse).")
    String loss;

    @Option(names = "--optimizer", paramLabel = "ID", description = "Optimizer id (adam; seed: sgd).")
    String optimizer;

    @Option(names = {"--learning-rate", "--lr"}, paramLabel = "RATE", description = "Initial learning rate (0.001; seed: 2.5).")
    Double learningRate;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "Learning rate per epoch: constant, or cosine (decay to 2% of the initial rate)"
                    + " (cosine; seed: constant).")
    ScheduleName schedule;

    @Option(names = "--batch", paramLabel = "N", description = "Examples per gradient step (128; seed: 32).")
    Integer batch;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training data (20; seed: 10; with --resume:"
            + " the total to reach; with --resume and a cosine schedule a new total re-spreads the decay).")
    Integer epochs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the split, the weights, the shuffles and dropout (default: 42).")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Threads per training step (default: all"
            + " processors; results do not depend on it).")
    Integer threads;

    @Option(names = "--validation", defaultValue = "0.1", paramLabel = "FRACTION",
            description = "Share of the training images held out for validation (default: ${DEFAULT-VALUE}).")
    double validation;

    @Option(names = "--limit", paramLabel = "N", description = "Use only the first N training images.")
    Integer limit;

    @Option(names = "--checkpoint-every", defaultValue = "1", paramLabel = "N",
            description = "Save a resumable checkpoint to --model every N epochs and after the last"
                    + " (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--resume", description = "Go on from the checkpoint in --model with its network and settings"
            + " (--epochs may raise the total; --threads, --data, --validation and --limit as before). Gives the"
            + " weights the uninterrupted run would have had.")
    boolean resume;

    @Option(names = "--classes", paramLabel = "NAMES", defaultValue = "auto", description = "Class names: auto, fashion or digits"
            + " (default: ${DEFAULT-VALUE}: fashion when the data folder's path mentions fashion).")
    ClassNames classes;

    /** Learning-rate schedules offered on the command line. */
    enum ScheduleName { CONSTANT, COSINE }

    /** Network and training settings to start from. */
    enum Preset {
        /** The example's default: reaches about 0.90 test accuracy on full Fashion-MNIST in about 40 s on 2 cores. */
        DEFAULT(List.of(512, 256), "relu", "softmax", 0.2, "categorical_cross_entropy",
                "adam", 1e-3, ScheduleName.COSINE, 128, 20),
        /**
         * The seed's setup. Backprop's mse averages over the 10 outputs and keeps the factor 2, so lr 2.5 takes
         * the steps of lr 0.5 on ½·Σ(o − y)².
         */
        SEED(List.of(100), "sigmoid", "sigmoid", 0.0, "mse", "sgd", 2.5, ScheduleName.CONSTANT, 32, 10);

        final List<Integer> hidden;
        final String activation;
        final String output;
        final double dropout;
        final String loss;
        final String optimizer;
        final double learningRate;
        final ScheduleName schedule;
        final int batch;
        final int epochs;

        Preset(List<Integer> hidden, String activation, String output, double dropout, String loss, String optimizer,
               double learningRate, ScheduleName schedule, int batch, int epochs) {
            this.hidden = hidden;
            this.activation = activation;
            this.output = output;
            this.dropout = dropout;
            this.loss = loss;
            this.optimizer = optimizer;
            this.learningRate = learningRate;
            this.schedule = schedule;
            this.batch = batch;
            this.epochs = epochs;
        }

    }

    private static final long DEFAULT_SEED = 42;

    /** The preset: the one given, or {@link Preset#DEFAULT}. */
    private Preset preset() {
        return preset == null ? Preset.DEFAULT : preset;
    }

    /** The seed: the one given, or 42. */
    long seed() {
        return seed == null ? DEFAULT_SEED : seed;
    }

    /**
     * The options that describe a new network or its training, given on this command line; a resumed run
     * takes all of them from its checkpoint.
     */
    List<String> newRunOptions() {
        List<String> given = new java.util.ArrayList<>();
        addIf(given, preset, "--preset");
        addIf(given, hidden, "--hidden");
        addIf(given, activation, "--activation");
        addIf(given, output, "--output");
        addIf(given, dropout, "--dropout");
        addIf(given, loss, "--loss");
        addIf(given, optimizer, "--optimizer");
        addIf(given, learningRate, "--lr");
        addIf(given, schedule, "--schedule");
        addIf(given, batch, "--batch");
        addIf(given, seed, "--seed");
        return given;
    }

    private static void addIf(List<String> given, Object value, String name) {
        if (value != null) {
            given.add(name);
        }
    }

    /** The network these options describe, for {@code inputs} features and {@code classes} outputs. */
    Network network(PluginRegistry registry, int inputs, int classes) {
        NetworkBuilder builder = Network.builder().registry(registry).input(inputs);
        for (int width : or(hidden, preset().hidden)) {
            builder.dense(width, or(activation, preset().activation));
            double rate = or(dropout, preset().dropout);
            if (rate > 0) {
                builder.dropout(rate);
            }
        }
        return builder.dense(classes, or(output, preset().output)).seed(seed()).build();
    }

    /** The training configuration these options describe. */
    TrainingConfig config() {
        return TrainingConfig.builder().loss(or(loss, preset().loss)).optimizer(or(optimizer, preset().optimizer))
                .learningRate(or(learningRate, preset().learningRate)).epochs(or(epochs, preset().epochs))
                .batchSize(or(batch, preset().batch)).seed(seed()).threads(threads())
                .schedule(or(schedule, preset().schedule) == ScheduleName.COSINE
                        ? LearningRateSchedule.cosine(0.02) : LearningRateSchedule.constant())
                .build();
    }

    /** The configuration saved in a checkpoint, with this run's threads and (if given) a new epoch total. */
    TrainingConfig resumed(TrainingConfig saved) {
        return saved.withSettings(saved.settings().toBuilder().epochs(epochs == null ? saved.epochs() : epochs)
                .threads(threads()).build());
    }

    private int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    private static <T> T or(T given, T preset) {
        return given == null ? preset : given;
    }
}
