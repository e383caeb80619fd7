package dev.backprop.examples.mnist;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.plugins.PluginSource;
import dev.backprop.io.data.MnistFolder;
import dev.backprop.io.model.ModelFiles;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./backprop mnist evaluate}: a saved model's test loss, accuracy, per-class figures and confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measures a saved model on the test images of an MNIST-format folder: loss, accuracy,"
                + " per-class precision and recall, confusion matrix.")
public final class MnistEvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SavedModelOptions options;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry registry = PluginSource.registryOf(spec);
        Network network = ModelFiles.load(options.model, registry);
        TrainingConfig config = ModelFiles.trainingConfig(options.model, registry)
                .orElseGet(() -> TrainingConfig.builder().loss("categorical_cross_entropy").build());
        Dataset test = MnistFolder.loadTest(options.data);
        MnistPredictions.requireInputs(network, test, options);
        out.printf("model %s: %d inputs, %d outputs; %s%n", options.model.toAbsolutePath().normalize(),
                network.inputWidth(), network.outputWidth(), MnistPredictions.trainedEpochs(options.model, registry));
        TestReport report = TestReport.measure(network, test, registry, config);
        report.print(out, options.classes.namesFor(options.data));
        out.println(ResultLine.classification("mnist-evaluate", MnistPredictions.epochs(options.model, registry),
                report.loss(), report.accuracy(), (System.nanoTime() - start) / 1e9));
        out.flush();
        return 0;
    }
}
