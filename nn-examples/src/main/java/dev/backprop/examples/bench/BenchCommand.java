package dev.backprop.examples.bench;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.plugins.PluginSource;
import dev.backprop.io.data.MnistData;
import dev.backprop.io.data.MnistFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./backprop bench}: trains a network given on the command line on an MNIST-format folder and
 * prints a tab-separated table to stdout, one line per thread count, measured with the peer
 * benchmark's protocol (untimed first epoch, median of the others, 6 × weights FLOPs per example).
 * Progress goes to stderr, so stdout is pure TSV.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Benchmarks training on an MNIST-format folder: prints a TSV table, one line per thread count.",
            "Columns (stdout): config threads sec_per_epoch samples_per_s gflops test_acc peak_heap_mb infer_us",
            "Protocol (as bench/peers): epoch 1 is an untimed warm-up; sec_per_epoch is the median of the other"
                    + " epochs' times; samples_per_s = training examples / sec_per_epoch; gflops = 6 x weights"
                    + " (no biases) x samples_per_s / 1e9; test_acc after the accuracy epoch; peak_heap_mb = summed"
                    + " peaks of the heap pools over the run (MiB); infer_us = median of predict(one test example)"
                    + " over 10000 calls after 2000 warm-up calls.",
            "Hidden layers use --activation; the output layer is softmax after categorical_cross_entropy, else"
                    + " the hidden activation. Progress goes to stderr.",
            ""})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--config", paramLabel = "NAME",
            description = "Settings of the peer benchmark: C1 = 784,100,10 sigmoid, mse, sgd lr 2.5 (= the peers' 0.5 on ½·Σ_k), batch 32,"
                    + " 5 epochs; C2 = 784,256,128,10 relu, softmax + categorical_cross_entropy, adam lr 0.001,"
                    + " batch 128, 5 epochs; C3 = 784,1024,1024,10 relu, softmax + categorical_cross_entropy,"
                    + " momentum 0.9 lr 0.05, batch 256, 4 epochs, accuracy after epoch 2. Options given"
                    + " explicitly override the config's values. Without --config the defaults are C2's and the"
                    + " config column says custom.")
    private PeerConfig config;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Required: an MNIST-format folder with train-images-idx3-ubyte, train-labels-idx1-ubyte,"
                    + " t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each plain or .gz).")
    private Path data;

    @Option(names = "--layers", split = ",", paramLabel = "WIDTHS",
            description = "Layer widths from input to output, comma-separated (default: 784,256,128,10).")
    private List<Integer> layers;

    @Option(names = "--activation", paramLabel = "ID", description = "Hidden-layer activation id: a built-in such as relu or a plugin's, such as example.swish"
            + " with --plugins nn-examples-plugin/target (default: relu). ./backprop plugins lists them.")
    private String activation;

    @Option(names = "--loss", paramLabel = "ID", description = "Loss (default: categorical_cross_entropy).")
    private String loss;

    @Option(names = "--optimizer", paramLabel = "ID", description = "Optimizer (default: adam).")
    private String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "The optimizer's learning_rate (default: 0.001).")
    private Double learningRate;

    @Option(names = "--momentum", paramLabel = "MU",
            description = "The momentum optimizer's momentum (default: 0.9); only with --optimizer momentum.")
    private Double momentum;

    @Option(names = "--batch", paramLabel = "N", description = "Examples per step (default: 128).")
    private Integer batch;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Epochs including the untimed first one, at least 2 (default: 5).")
    private Integer epochs;

    @Option(names = "--acc-after", paramLabel = "EPOCH",
            description = "Measure the test accuracy after this epoch (default: the last; C3: 2).")
    private Integer accuracyAfter;

    @Option(names = "--threads", split = ",", paramLabel = "COUNTS",
            description = "Training threads; a comma list such as 1,2 gives one run per count (default: the"
                    + " available processors).")
    private List<Integer> threads;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the weights and the shuffling (default: 42).")
    private Long seed;

    @Option(names = "--limit", paramLabel = "N",
            description = "Train on the first N training examples only, for quick checks; sec_per_epoch and"
                    + " samples_per_s then refer to epochs of N examples (the test set stays whole).")
    private Integer limit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = requireData();
        PluginRegistry registry = PluginSource.registryOf(spec);
        BenchSettings settings = overrides().resolve(config);
        List<Integer> threadCounts = threadCounts();
        if (limit != null && limit < 1) {
            throw new InvalidConfigurationException("--limit must be at least 1 but was " + limit
                    + ": give the number of training examples to use, or leave --limit out for all of them.");
        }

        err.println("bench " + settings.describe());
        err.println(BenchEnvironment.describe());
        long start = System.nanoTime();
        MnistData mnist = limit == null ? MnistFolder.load(folder) : MnistFolder.load(folder, limit);
        err.printf(Locale.ROOT, "loaded %d training%s and %d test examples of %d features from %s in %.2f s%n",
                mnist.train().size(), limit == null ? "" : " (--limit " + limit + ")", mnist.test().size(),
                mnist.train().featureWidth(), folder.toAbsolutePath().normalize(), (System.nanoTime() - start) / 1e9);
        err.flush();
        settings.requireFits(mnist.train());

        out.println(BenchResult.HEADER);
        out.flush();
        BenchRun run = new BenchRun(settings, mnist.train(), mnist.test(), err, registry);
        for (int count : threadCounts) {
            out.println(run.run(count).tsvLine());
            out.flush();
        }
        return 0;
    }

    /** The options given explicitly, to lay over {@code --config}. */
    BenchOverrides overrides() {
        return new BenchOverrides(layers, activation, loss, optimizer, learningRate, momentum, batch, epochs,
                accuracyAfter, seed);
    }

    private List<Integer> threadCounts() {
        if (threads == null || threads.isEmpty()) {
            return List.of(Runtime.getRuntime().availableProcessors());
        }
        for (int count : threads) {
            if (count < 1) {
                throw new InvalidConfigurationException("--threads must list counts of at least 1 but was given "
                        + threads + ": use 1 for one thread, or a list such as 1,2.");
            }
        }
        return List.copyOf(threads);
    }

    private Path requireData() {
        if (data == null) {
            throw new InvalidConfigurationException("--data DIR is required: give an MNIST-format folder holding"
                    + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and"
                    + " t10k-labels-idx1-ubyte (each plain or .gz), such as --data data/fashion-mnist. There is no"
                    + " built-in data set.");
        }
        return data;
    }
}
