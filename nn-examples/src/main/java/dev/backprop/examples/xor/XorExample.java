package dev.backprop.examples.xor;

import com.google.inject.Inject;
import dev.backprop.api.Hyperparameters;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.examples.console.EpochPrinter;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.dashboard.DashboardOption;
import dev.backprop.examples.dashboard.LiveDashboard;
import dev.backprop.examples.inject.Trainers;
import dev.backprop.examples.options.ConfigFileOption;
import dev.backprop.examples.options.ExplicitOptions;
import dev.backprop.examples.options.HiddenLayersOption;
import dev.backprop.examples.options.ModelOption;
import dev.backprop.examples.options.OptionDefaults;
import dev.backprop.examples.options.PluginChoices;
import dev.backprop.examples.options.PrintEveryOption;
import dev.backprop.examples.options.RunOverrides;
import dev.backprop.examples.options.TrainingLoopOptions;
import dev.backprop.io.config.RunConfig;
import dev.backprop.io.model.ModelFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The seed's demo: learn XOR with sigmoid layers, mean squared error and plain gradient descent
 * over the four examples (full batch, in order), or the run of {@code --config FILE}.
 */
@Command(name = "xor", mixinStandardHelpOptions = true, showDefaultValues = true,
        defaultValueProvider = XorExample.Defaults.class,
        description = "Learns XOR with the seed's setup: a 2-H-1 sigmoid network, mean squared error,"
                + " plain gradient descent on the four examples.")
public final class XorExample implements Callable<Integer> {

    private static final Dataset XOR = Dataset.of(
            new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new float[][] {{0}, {1}, {1}, {0}});

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private HiddenLayersOption hidden;

    @Mixin
    private PluginChoices plugins;

    @Mixin
    private TrainingLoopOptions loop;

    @Mixin
    private ModelOption model;

    @Mixin
    private PrintEveryOption printEvery;

    @Mixin
    private DashboardOption dashboard;

    @Option(names = "--verbose",
            description = "Before training, print one step of the seed's four stages on the four examples, by the"
                    + " seed's names: each layer's z and a, the error E, each layer's δ, ∂E/∂w, and the updated"
                    + " weights (on a copy: the training itself is unchanged).")
    private boolean verbose;

    private final Trainers trainers;

    /**
     * @param trainers gives the trainers, and the plugin registry bound from {@code --plugins}
     */
    @Inject
    XorExample(Trainers trainers) {
        this.trainers = trainers;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = trainers.registry();
        plugins.check(registry);
        RunConfig run = configFile.load(registry, 2, 1, "XOR's four examples")
                .map(new RunOverrides(ExplicitOptions.of(spec), hidden, plugins, loop,
                        RunOverrides.NetworkExtras.NONE)::applyTo)
                .orElseGet(this::commandLineRun);
        TrainingConfig config = run.training();
        Network network = run.buildNetwork(registry);
        try (LiveDashboard live = LiveDashboard.start(dashboard, out)) {
            Trainer trainer = trainers.create(config, live.withOwn(network, XOR,
                    registry.loss(config.loss(), config.lossHyperparameters()), new EpochPrinter(out, printEvery.every())));
            if (verbose) {
                new SeedStages(out).print(run.buildNetwork(registry), XOR, trainer.loss(), trainer.optimizer());
            }

            long start = System.nanoTime();
            TrainingHistory history = trainer.fit(network, XOR);
            double accuracy = Evaluation.accuracy(network, XOR);
            double seconds = (System.nanoTime() - start) / 1e9;

            out.println();
            out.println("x1 x2 | target | output");
            for (int i = 0; i < XOR.size(); i++) {
                float[] x = XOR.features(i);
                out.printf(Locale.ROOT, " %.0f  %.0f |   %.0f    | %.4f%n", x[0], x[1], XOR.targets(i)[0], network.predict(x)[0]);
            }
            Path file = model.file();
            if (file != null) {
                ModelFiles.save(network, trainer.config(), file);
                out.println("saved the network to " + file);
            }
            out.println(ResultLine.classification("xor", history.epochs().size(), history.finalLoss(), accuracy, seconds));
            out.flush();
            live.showDiagram(network);
            live.keepOpenForTheUser();
        }
        return 0;
    }

    /** The run the options describe: hidden sigmoid layers, a sigmoid output, full batches in order. */
    private RunConfig commandLineRun() {
        NetworkBuilder builder = plugins.hiddenLayers(Network.builder().input(2), hidden.widths());
        plugins.dense(builder, 1, "sigmoid", Hyperparameters.none());
        TrainingConfig config = TrainingConfig.builder().loss(plugins.loss(), plugins.lossSettings())
                .optimizer(plugins.optimizer(), plugins.optimizerHyperparameters()).epochs(loop.epochs())
                .batchSize(loop.batch()).shuffle(false).seed(loop.seed()).threads(loop.threads()).build();
        return new RunConfig(builder.spec(), loop.seed(), config);
    }

    /** The seed's XOR setup; no model file unless {@code --model} is given. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(Map.ofEntries(Map.entry("--hidden", "4"), Map.entry("--activation", "sigmoid"),
                    Map.entry("--loss", "mse"), Map.entry("--optimizer", "sgd"), Map.entry("--learning-rate", "2.0"),
                    Map.entry("--epochs", "3000"), Map.entry("--batch", String.valueOf(XOR.size())),
                    Map.entry("--seed", "42"), Map.entry("--threads", "1"), Map.entry("--print-every", "250")));
        }
    }
}
