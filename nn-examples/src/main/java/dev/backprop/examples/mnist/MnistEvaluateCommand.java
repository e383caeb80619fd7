package dev.backprop.examples.mnist;

import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.plugins.PluginSource;
import dev.backprop.io.model.LoadedModel;
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
        SavedModelOptions.ModelAndTest opened = options.open(spec, registry);
        LoadedModel model = opened.model();
        Network network = model.network();
        Dataset test = opened.test();
        out.printf("model %s: %d inputs, %d outputs; %s%n", options.model.toAbsolutePath().normalize(),
                network.inputWidth(), network.outputWidth(), model.checkpoint().isPresent()
                        ? "trained for " + model.trainedEpochs() + " epochs" : "saved without its training history");
        TestReport report = TestReport.measure(network, test, registry, MnistPredictions.loss(model));
        report.print(out, options.classes.namesFor(options.data));
        out.println(ResultLine.classification("mnist-evaluate", model.trainedEpochs(), report.loss(),
                report.accuracy(), (System.nanoTime() - start) / 1e9));
        out.flush();
        return 0;
    }
}
