package dev.backprop.examples.sine;

import com.google.inject.Inject;
import dev.backprop.api.Hyperparameters;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.examples.console.ProblemKind;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.console.TrainingProgress;
import dev.backprop.examples.dashboard.DashboardOption;
import dev.backprop.examples.dashboard.LiveDashboard;
import dev.backprop.examples.inject.Trainers;
import dev.backprop.examples.options.ConfigFileOption;
import dev.backprop.examples.options.ExplicitOptions;
import dev.backprop.examples.options.HiddenLayersOption;
import dev.backprop.examples.options.OptionDefaults;
import dev.backprop.examples.options.PluginChoices;
import dev.backprop.examples.options.RunOverrides;
import dev.backprop.examples.options.TrainingLoopOptions;
import dev.backprop.io.config.RunConfig;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Regression: learns y = sin(x) on [−π, π] with a small tanh MLP (1 → 32 → 32 → 1 by default, identity output),
 * mean squared error and Adam whose learning rate decays along a cosine to 1% (so the last epochs settle
 * instead of jumping), then reports the root-mean-square error on held-out points.
 */
@Command(name = "sine", mixinStandardHelpOptions = true, showDefaultValues = true,
        defaultValueProvider = SineExample.Defaults.class,
        description = "Regression: fits y = sin(x) on [-pi, pi] with a tanh network (1-32-32-1 by default),"
                + " mean squared error and Adam whose learning rate decays along a cosine to 1%% of --learning-rate;"
                + " reports the RMSE on held-out points.")
public final class SineExample implements Callable<Integer> {

    /** The number of held-out points the RMSE is measured on. */
    static final int HELD_OUT = 1000;

    private static final int TABLE_POINTS = 9;

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
    private DashboardOption dashboard;

    @Option(names = "--samples", defaultValue = "1000", paramLabel = "N",
            description = "Training points drawn from [-pi, pi].")
    private int samples;

    private final Trainers trainers;

    /**
     * @param trainers gives the trainers, and the plugin registry bound from {@code --plugins}
     */
    @Inject
    SineExample(Trainers trainers) {
        this.trainers = trainers;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Dataset training = SineData.training(samples, loop.seed());
        Dataset heldOut = SineData.heldOut(HELD_OUT, loop.seed());
        out.printf("%d training and %d held-out points of y = sin(x), x in [-pi, pi]%n", training.size(),
                heldOut.size());
        PluginRegistry registry = trainers.registry();
        plugins.check(registry);
        RunConfig run = configFile.load(registry, 1, 1, "sine's points (x in, sin(x) out)")
                .map(new RunOverrides(ExplicitOptions.of(spec), hidden, plugins, loop,
                        RunOverrides.NetworkExtras.NONE)::applyTo)
                .orElseGet(this::commandLineRun);
        Network network = run.buildNetwork(registry);
        TrainingConfig config = run.training();

        try (LiveDashboard live = LiveDashboard.start(dashboard, out)) {
            long start = System.nanoTime();
            TrainingHistory history = trainers.create(config, live.withOwn(network, training,
                    registry.loss(config.loss(), config.lossHyperparameters()),
                    new TrainingProgress(out, ProblemKind.REGRESSION))).fit(network, training);
            double rmse = RootMeanSquaredError.of(network, heldOut);
            double seconds = (System.nanoTime() - start) / 1e9;

            printTable(network, out);
            out.printf(Locale.ROOT, "held-out RMSE %.6f on %d points%n", rmse, heldOut.size());
            out.println(ResultLine.regression("sine", history.epochs().size(), history.finalLoss(), rmse, seconds));
            out.flush();
            live.showDiagram(network);
            live.keepOpenForTheUser();
        }
        return 0;
    }

    /** The run the options describe: hidden layers, an identity output, a cosine schedule down to 1%. */
    private RunConfig commandLineRun() {
        NetworkBuilder builder = plugins.hiddenLayers(Network.builder().input(1), hidden.widths());
        plugins.dense(builder, 1, "identity", Hyperparameters.none());
        TrainingConfig config = TrainingConfig.builder().loss(plugins.loss(), plugins.lossSettings())
                .optimizer(plugins.optimizer(), plugins.optimizerHyperparameters())
                .schedule(LearningRateSchedule.cosine(0.01)).epochs(loop.epochs()).batchSize(loop.batch())
                .seed(loop.seed()).threads(loop.threads()).build();
        return new RunConfig(builder.spec(), loop.seed(), config);
    }

    /** x, sin(x) and the network's prediction at evenly spaced points from −π to π. */
    private static void printTable(Network network, PrintWriter out) {
        out.println();
        out.println("      x |  sin(x) | prediction");
        for (int i = 0; i < TABLE_POINTS; i++) {
            double x = -SineData.RANGE + 2 * SineData.RANGE * i / (TABLE_POINTS - 1);
            float prediction = network.predict(new float[] {(float) x})[0];
            out.printf(Locale.ROOT, "%7.4f | %7.4f | %10.4f%n", x, unsigned(Math.sin(x)), unsigned(prediction));
        }
    }

    /** {@code value}, with magnitudes that round to 0.0000 made +0 (sin(−π) as a double is −1.2e-16). */
    private static double unsigned(double value) {
        return Math.abs(value) < 0.00005 ? 0 : value;
    }

    /** Two tanh layers of 32, mean squared error, Adam at 0.01, batches of 32, 60 epochs. */
    static final class Defaults extends OptionDefaults {
        Defaults() {
            super(Map.ofEntries(Map.entry("--hidden", "32,32"), Map.entry("--activation", "tanh"),
                    Map.entry("--loss", "mse"), Map.entry("--optimizer", "adam"), Map.entry("--learning-rate", "0.01"),
                    Map.entry("--epochs", "60"), Map.entry("--batch", "32"), Map.entry("--seed", "42"),
                    Map.entry("--threads", "1")));
        }
    }
}
