package dev.backprop.examples.iris;

import com.google.inject.Inject;
import dev.backprop.api.Hyperparameters;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.examples.console.ClassificationReport;
import dev.backprop.examples.console.EpochPrinter;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.dashboard.DashboardOption;
import dev.backprop.examples.dashboard.LiveDashboard;
import dev.backprop.examples.inject.Trainers;
import dev.backprop.examples.options.ConfigFileOption;
import dev.backprop.examples.options.DataOption;
import dev.backprop.examples.options.ExplicitOptions;
import dev.backprop.examples.options.HiddenLayersOption;
import dev.backprop.examples.options.OptionDefaults;
import dev.backprop.examples.options.PluginChoices;
import dev.backprop.examples.options.PrintEveryOption;
import dev.backprop.examples.options.RunOverrides;
import dev.backprop.examples.options.TrainingLoopOptions;
import dev.backprop.examples.options.ValidationOption;
import dev.backprop.io.config.RunConfig;
import dev.backprop.io.data.CsvReadOptions;
import dev.backprop.io.data.CsvTrainingSplit;
import dev.backprop.io.data.Scaling;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Classifies Fisher's iris flowers from a CSV file (the one shipped in {@code data/iris} by default):
 * 4 standardised measurements, a tanh hidden layer, softmax over the 3 species, Adam, and a held-out
 * validation split whose accuracy is reported.
 */
@Command(name = "iris", mixinStandardHelpOptions = true, showDefaultValues = true,
        defaultValueProvider = IrisExample.Defaults.class,
        description = "Classifies iris species from a CSV file (4 measurements, 3 species) with a small MLP;"
                + " reports accuracy on a held-out validation split.")
public final class IrisExample implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private DataOption data;

    @Mixin
    private ConfigFileOption configFile;

    @Mixin
    private HiddenLayersOption hidden;

    @Mixin
    private PluginChoices plugins;

    @Mixin
    private TrainingLoopOptions loop;

    @Mixin
    private ValidationOption validation;

    @Mixin
    private PrintEveryOption printEvery;

    @Mixin
    private DashboardOption dashboard;

    private final Trainers trainers;

    /**
     * @param trainers gives the trainers, and the plugin registry bound from {@code --plugins}
     */
    @Inject
    IrisExample(Trainers trainers) {
        this.trainers = trainers;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        CsvTrainingSplit rows = CsvTrainingSplit.load(data.path(), CsvReadOptions.defaults(),
                validation.heldOutFraction(), Scaling.STANDARDIZE, loop.seed());
        out.printf("%d training and %d validation rows, %d features, classes %s%n", rows.train().size(),
                rows.validation().size(), rows.train().featureWidth(), rows.classNames());
        PluginRegistry registry = trainers.registry();
        plugins.check(registry);
        int features = rows.train().featureWidth();
        int classes = rows.classNames().size();
        RunConfig run = configFile.load(registry, features, classes, data.path() + " (" + classes + " classes)")
                .map(new RunOverrides(ExplicitOptions.of(spec), hidden, plugins, loop,
                        RunOverrides.NetworkExtras.NONE)::applyTo)
                .orElseGet(() -> commandLineRun(features, classes));
        Network network = run.buildNetwork(registry);
        TrainingConfig config = run.training();
        try (LiveDashboard live = LiveDashboard.start(dashboard, out)) {
            long start = System.nanoTime();
            TrainingHistory history = trainers.create(config, live.withOwn(network, rows.train(),
                    registry.loss(config.loss(), config.lossHyperparameters()), new EpochPrinter(out, printEvery.every())))
                    .fit(network, rows.train());
            double accuracy = Evaluation.accuracy(network, rows.validation());
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf("validation accuracy %.3f on %d held-out rows%n", accuracy, rows.validation().size());
            new ClassificationReport(rows.classNames()).print(ConfusionMatrix.of(network, rows.validation()), out);
            out.println(ResultLine.classification("iris", history.epochs().size(), history.finalLoss(), accuracy,
                    seconds));
            out.flush();
            live.showDiagram(network);
            live.keepOpenForTheUser();
        }
        return 0;
    }

    /** The run the options describe: hidden layers, softmax over the classes. */
    private RunConfig commandLineRun(int features, int classes) {
        NetworkBuilder builder = plugins.hiddenLayers(Network.builder().input(features), hidden.widths());
        plugins.dense(builder, classes, "softmax", Hyperparameters.none());
        TrainingConfig config = TrainingConfig.builder().loss(plugins.loss(), plugins.lossSettings())
                .optimizer(plugins.optimizer(), plugins.optimizerHyperparameters()).epochs(loop.epochs())
                .batchSize(loop.batch()).seed(loop.seed()).threads(loop.threads()).build();
        return new RunConfig(builder.spec(), loop.seed(), config);
    }

    /** The shipped iris CSV, one tanh layer of 8, softmax with cross-entropy, Adam. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(Map.ofEntries(Map.entry("--data", inHome("data/iris/iris.csv")), Map.entry("--hidden", "8"),
                    Map.entry("--activation", "tanh"), Map.entry("--loss", "categorical_cross_entropy"),
                    Map.entry("--optimizer", "adam"), Map.entry("--learning-rate", "0.01"),
                    Map.entry("--epochs", "100"), Map.entry("--batch", "16"), Map.entry("--seed", "42"),
                    Map.entry("--threads", "1"), Map.entry("--validation", "0.2"), Map.entry("--print-every", "10")));
        }
    }
}
