package dev.backprop.examples.bench;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.inject.Trainers;
import dev.backprop.examples.options.DataOption;
import dev.backprop.examples.options.ExplicitOptions;
import dev.backprop.examples.options.LimitOption;
import dev.backprop.examples.options.OptionDefaults;
import dev.backprop.examples.options.PluginChoices;
import dev.backprop.examples.options.TrainingLoopOptions;
import dev.backprop.io.data.MnistData;
import dev.backprop.io.data.MnistFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./backprop bench}: trains a network given on the command line on an MNIST-format folder and
 * prints a tab-separated table to stdout, one line per thread count, measured with the peer
 * benchmark's protocol (untimed first epoch, median of the others, 6 × weights FLOPs per example).
 * Progress goes to stderr, so stdout is pure TSV.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        defaultValueProvider = BenchCommand.Defaults.class,
        description = {
            "Benchmarks training on an MNIST-format folder (--data, required): prints a TSV table, one line per"
                    + " thread count (--threads 1,2 runs once per count).",
            "Columns (stdout): config threads sec_per_epoch samples_per_s gflops test_acc peak_heap_mb infer_us"
                    + " infer_batch_per_s",
            "Protocol (as bench/peers): epoch 1 is an untimed warm-up, so --epochs is at least 2; sec_per_epoch is"
                    + " the median of the other epochs' times; samples_per_s = training examples / sec_per_epoch;"
                    + " gflops = 6 x weights (no biases) x samples_per_s / 1e9; test_acc after the accuracy epoch;"
                    + " peak_heap_mb = summed peaks of the heap pools over the run (MiB); infer_us = median of"
                    + " predict(one test example) over 10000 calls after 2000 warm-up calls; infer_batch_per_s ="
                    + " examples per second predicting the first 2048 test examples at once (median of 5 passes).",
            "--limit N trains on the first N training examples only, for quick checks; sec_per_epoch and"
                    + " samples_per_s then refer to epochs of N examples (the test set stays whole).",
            "Hidden layers use --activation; the output layer is softmax after categorical_cross_entropy, else"
                    + " the hidden activation. The defaults shown are C2's. Progress goes to stderr.",
            ""})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--peer-config", paramLabel = "NAME",
            description = "Settings of the peer benchmark: C1 = 784,100,10 sigmoid, mse, sgd learning rate 2.5 (= the"
                    + " peers' 0.5 on ½·Σ_k), batch 32, 5 epochs; C2 = 784,256,128,10 relu, softmax +"
                    + " categorical_cross_entropy, adam learning rate 0.001, batch 128, 5 epochs; C3 ="
                    + " 784,1024,1024,10 relu, softmax + categorical_cross_entropy, momentum 0.9 learning rate 0.05,"
                    + " batch 256, 4 epochs, accuracy after epoch 2. Options given explicitly override the"
                    + " config's values. Without --peer-config the defaults are C2's and the config column says custom.")
    private PeerConfig peerConfig;

    /** The old spelling of --peer-config (before --config meant a run configuration file in every command). */
    @Option(names = "--config", hidden = true, paramLabel = "NAME")
    private String oldPresetSpelling;

    @Mixin
    private DataOption data;

    @Option(names = "--layers", split = ",", paramLabel = "WIDTHS",
            description = "Layer widths from input to output, comma-separated.")
    private List<Integer> layers;

    @Mixin
    private PluginChoices plugins;


    @Mixin
    private TrainingLoopOptions loop;

    @Option(names = "--acc-after", paramLabel = "EPOCH",
            description = "Measure the test accuracy after this epoch (default: the last; C3: 2).")
    private Integer accuracyAfter;

    @Mixin
    private LimitOption limit;

    private final Trainers trainers;

    /**
     * @param trainers gives a trainer per run
     */
    @Inject
    BenchCommand(Trainers trainers) {
        this.trainers = trainers;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path folder = requireData();
        BenchSettings settings = overrides().resolve(peerConfig());
        List<Integer> threadCounts = loop.threadCounts();
        OptionalInt limited = limit.limit();
        PluginRegistry plugins = trainers.registry();
        if (this.plugins.init().isPresent()) {
            throw new InvalidConfigurationException("bench keeps each layer's default initialiser, as the peers'"
                    + " benchmark does, so it takes no --init: leave it out, or train with ./backprop mnist --init "
                    + this.plugins.init().get() + ".");
        }
        this.plugins.check(plugins);

        err.println("bench " + settings.describe());
        err.println(BenchEnvironment.describe());
        long start = System.nanoTime();
        MnistData mnist = limited.isEmpty() ? MnistFolder.load(folder) : MnistFolder.load(folder, limited.getAsInt());
        err.printf(Locale.ROOT, "loaded %d training%s and %d test examples of %d features from %s in %.2f s%n",
                mnist.train().size(), limited.isEmpty() ? "" : " (--limit " + limited.getAsInt() + ")",
                mnist.test().size(), mnist.train().featureWidth(), folder.toAbsolutePath().normalize(),
                (System.nanoTime() - start) / 1e9);
        err.flush();
        settings.requireFits(mnist.train());

        out.println(BenchResult.HEADER);
        out.flush();
        BenchRun run = new BenchRun(settings, mnist.train(), mnist.test(), err, plugins, trainers);
        for (int count : threadCounts) {
            out.println(run.run(count).tsvLine());
            out.flush();
        }
        return 0;
    }

    /**
     * {@code --peer-config}, or the same name given with its old spelling {@code --config}.
     *
     * @throws InvalidConfigurationException if {@code --config} names no preset (bench takes no run file)
     */
    private PeerConfig peerConfig() {
        if (oldPresetSpelling == null) {
            return peerConfig;
        }
        for (PeerConfig config : PeerConfig.values()) {
            if (config.name().equalsIgnoreCase(oldPresetSpelling) && peerConfig == null) {
                return config;
            }
        }
        throw new InvalidConfigurationException("bench takes no run configuration file: --config " + oldPresetSpelling
                + " is bench's old spelling of --peer-config, which names one of the peer settings C1, C2 or C3 (give"
                + " it once): use --peer-config C2, and --layers, --activation... for any other network.");
    }

    /** The options given explicitly, to lay over {@code --peer-config}. */
    BenchOverrides overrides() {
        ExplicitOptions explicit = ExplicitOptions.of(spec);
        return new BenchOverrides(explicit.orNull("--layers", layers),
                explicit.orNull("--activation", plugins.activation()), explicit.orNull("--loss", plugins.loss()),
                explicit.orNull("--optimizer", plugins.optimizer()),
                explicit.orNull("--learning-rate", plugins.learningRate()),
                explicit.orNull("--batch", loop.batch()), explicit.orNull("--epochs", loop.epochs()), accuracyAfter,
                explicit.orNull("--seed", loop.seed()), plugins.settings());
    }

    private Path requireData() {
        if (data.path() == null) {
            throw new InvalidConfigurationException("--data DIR is required: give an MNIST-format folder holding"
                    + " train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and"
                    + " t10k-labels-idx1-ubyte (each plain or .gz), such as --data data/fashion-mnist. There is no"
                    + " built-in data set.");
        }
        return data.path();
    }

    /** C2's settings ({@link BenchOverrides#DEFAULTS}), as the usage help shows them; all processors. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(values(BenchOverrides.DEFAULTS));
        }

        private static Map<String, String> values(PeerConfig defaults) {
            return Map.of("--layers", defaults.layers().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "--activation", defaults.activation(), "--loss", defaults.loss(),
                    "--optimizer", defaults.optimizer(), "--learning-rate", String.valueOf(defaults.learningRate()),
                    "--batch", String.valueOf(defaults.batch()), "--epochs", String.valueOf(defaults.epochs()),
                    "--seed", String.valueOf(BenchOverrides.DEFAULT_SEED), "--threads", processors());
        }
    }
}
