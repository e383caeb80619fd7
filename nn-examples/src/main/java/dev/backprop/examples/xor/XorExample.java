package dev.backprop.examples.xor;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.multibindings.Multibinder;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.inject.BackpropModule;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.examples.console.EpochPrinter;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.plugins.PluginSource;
import dev.backprop.io.model.ModelFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The seed's demo: learn XOR with sigmoid layers, mean squared error and plain gradient descent
 * over the four examples (full batch).
 */
@Command(name = "xor", mixinStandardHelpOptions = true,
        description = "Learns XOR with the seed's setup: a 2-H-1 sigmoid network, mean squared error,"
                + " plain gradient descent on the four examples.")
public final class XorExample implements Callable<Integer> {

    private static final Dataset XOR = Dataset.of(
            new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new float[][] {{0}, {1}, {1}, {0}});

    @Spec
    private CommandSpec spec;

    @Option(names = "--epochs", defaultValue = "3000", description = "Passes over the data (default: ${DEFAULT-VALUE}).")
    private int epochs;

    @Option(names = "--hidden", defaultValue = "4", description = "Hidden neurons (default: ${DEFAULT-VALUE}).")
    private int hidden;

    @Option(names = "--learning-rate", defaultValue = "2.0",
            description = "Gradient-descent step size (default: ${DEFAULT-VALUE}).")
    private double learningRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the initial weights (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--print-every", defaultValue = "250",
            description = "Print the loss every N epochs (default: ${DEFAULT-VALUE}).")
    private int printEvery;

    @Option(names = "--save", paramLabel = "FILE", description = "Save the trained network to FILE.")
    private Path modelFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = PluginSource.registryOf(spec);
        Network network = Network.builder().registry(registry).input(2).dense(hidden, "sigmoid").dense(1, "sigmoid").seed(seed).build();
        TrainingConfig config = TrainingConfig.builder().loss("mse").optimizer("sgd").learningRate(learningRate)
                .epochs(epochs).batchSize(XOR.size()).shuffle(false).seed(seed).build();
        Trainer trainer = Guice.createInjector(new BackpropModule(config, registry), new AbstractModule() {
            @Override
            protected void configure() {
                Multibinder.newSetBinder(binder(), TrainingListener.class).addBinding()
                        .toInstance(new EpochPrinter(out, printEvery));
            }
        }).getInstance(Trainer.class);

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
        if (modelFile != null) {
            ModelFiles.save(network, config, modelFile);
            out.println("saved the network to " + modelFile);
        }
        out.println(ResultLine.classification("xor", epochs, history.finalLoss(), accuracy, seconds));
        out.flush();
        return 0;
    }
}
