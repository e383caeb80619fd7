package dev.backprop.examples.iris;

import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.train.LoggingListener;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.examples.console.ClassificationReport;
import dev.backprop.examples.console.EpochPrinter;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.plugins.PluginSource;
import dev.backprop.io.data.CsvReadOptions;
import dev.backprop.io.data.CsvTrainingSplit;
import dev.backprop.io.data.Scaling;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Classifies Fisher's iris flowers from a CSV file (the one shipped in {@code data/iris} by default):
 * 4 standardised measurements, a tanh hidden layer, softmax over the 3 species, Adam, and a held-out
 * validation split whose accuracy is reported.
 */
@Command(name = "iris", mixinStandardHelpOptions = true,
        description = "Classifies iris species from a CSV file (4 measurements, 3 species) with a small MLP;"
                + " reports accuracy on a held-out validation split.")
public final class IrisExample implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", defaultValue = "${sys:backprop.home:-.}/data/iris/iris.csv",
            description = "CSV file with a header and the species in the last column (default: ${DEFAULT-VALUE}).")
    private Path file;

    @Option(names = "--epochs", defaultValue = "100", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--hidden", defaultValue = "8", description = "Hidden neurons (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--learning-rate", defaultValue = "0.01",
            description = "Adam's step size (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--validation", defaultValue = "0.2",
            description = "Fraction of the rows held out for validation (default: ${DEFAULT-VALUE}).")
    private double validationFraction;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split, weights and shuffling"
            + " (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--print-every", defaultValue = "10",
            description = "Print the loss every N epochs (default: ${DEFAULT-VALUE}).")
    private int printEvery;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = PluginSource.registryOf(spec);
        CsvTrainingSplit data = CsvTrainingSplit.load(file, CsvReadOptions.defaults(), validationFraction,
                Scaling.STANDARDIZE, seed);
        out.printf("%d training and %d validation rows, %d features, classes %s%n", data.train().size(),
                data.validation().size(), data.train().featureWidth(), data.classNames());
        Network network = Network.builder().registry(registry).input(data.train().featureWidth())
                .dense(hidden, "tanh").dense(data.classNames().size(), "softmax").seed(seed).build();
        TrainingConfig config = TrainingConfig.builder().loss("categorical_cross_entropy").optimizer("adam")
                .learningRate(learningRate).epochs(epochs).batchSize(16).seed(seed).threads(1).build();
        long start = System.nanoTime();
        TrainingHistory history = PluginSource.trainer(config, registry,
                List.of(new LoggingListener(), new EpochPrinter(out, printEvery))).fit(network, data.train());
        double accuracy = Evaluation.accuracy(network, data.validation());
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("validation accuracy %.3f on %d held-out rows%n", accuracy, data.validation().size());
        new ClassificationReport(data.classNames()).print(ConfusionMatrix.of(network, data.validation()), out);
        out.println(ResultLine.classification("iris", epochs, history.finalLoss(), accuracy, seconds));
        out.flush();
        return 0;
    }
}
