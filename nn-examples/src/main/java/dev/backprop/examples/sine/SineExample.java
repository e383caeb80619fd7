package dev.backprop.examples.sine;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.examples.console.ProblemKind;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.console.TrainingProgress;
import dev.backprop.examples.plugins.PluginSource;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Regression: learns y = sin(x) on [−π, π] with a small tanh MLP (1 → H → H → 1, identity output),
 * mean squared error and Adam whose learning rate decays along a cosine to 1% (so the last epochs settle
 * instead of jumping), then reports the root-mean-square error on held-out points.
 */
@Command(name = "sine", mixinStandardHelpOptions = true,
        description = "Regression: fits y = sin(x) on [-pi, pi] with a 1-H-H-1 tanh network, mean squared error"
                + " and Adam; reports the RMSE on held-out points.")
public final class SineExample implements Callable<Integer> {

    /** The number of held-out points the RMSE is measured on. */
    static final int HELD_OUT = 1000;

    private static final int BATCH_SIZE = 32;
    private static final int TABLE_POINTS = 9;

    @Spec
    private CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "60", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--hidden", defaultValue = "32",
            description = "Neurons in each of the two hidden layers (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--learning-rate", defaultValue = "0.01",
            description = "Adam's initial step size, decayed along a cosine to 1%% of it (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed of the data, weights and shuffling (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--samples", defaultValue = "1000",
            description = "Training points drawn from [-pi, pi] (default: ${DEFAULT-VALUE}).")
    private int samples;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = PluginSource.registryOf(spec);
        Dataset training = SineData.training(samples, seed);
        Dataset heldOut = SineData.heldOut(HELD_OUT, seed);
        out.printf("%d training and %d held-out points of y = sin(x), x in [-pi, pi]%n", training.size(),
                heldOut.size());
        Network network = Network.builder().registry(registry).input(1).dense(hidden, "tanh").dense(hidden, "tanh")
                .dense(1, "identity").seed(seed).build();
        TrainingConfig config = TrainingConfig.builder().loss("mse").optimizer("adam").learningRate(learningRate)
                .schedule(LearningRateSchedule.cosine(0.01)).epochs(epochs).batchSize(BATCH_SIZE).seed(seed).threads(1)
                .build();

        long start = System.nanoTime();
        TrainingHistory history = PluginSource.trainer(config, registry,
                List.of(new TrainingProgress(out, ProblemKind.REGRESSION))).fit(network, training);
        double rmse = RootMeanSquaredError.of(network, heldOut);
        double seconds = (System.nanoTime() - start) / 1e9;

        printTable(network, out);
        out.printf(Locale.ROOT, "held-out RMSE %.6f on %d points%n", rmse, heldOut.size());
        out.println(ResultLine.regression("sine", history.epochs().size(), history.finalLoss(), rmse, seconds));
        out.flush();
        return 0;
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
}
