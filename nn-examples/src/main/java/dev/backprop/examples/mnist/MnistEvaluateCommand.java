package dev.backprop.examples.mnist;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.io.model.LoadedModel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./backprop mnist evaluate}: a saved model's test loss, accuracy, per-class figures and confusion matrix. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, showDefaultValues = true,
        defaultValueProvider = MnistDefaults.class,
        description = "Measures a saved model on the test images of an MNIST-format folder: loss, accuracy,"
                + " per-class precision and recall, confusion matrix.")
public final class MnistEvaluateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SavedModelOptions options;

    private final Provider<PluginRegistry> registry;

    /** @param registry the plugins, from {@code --plugins} */
    @Inject
    MnistEvaluateCommand(Provider<PluginRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        long start = System.nanoTime();
        PrintWriter out = spec.commandLine().getOut();
        PluginRegistry plugins = registry.get();
        SavedModelOptions.ModelAndTest opened = options.open(spec, plugins);
        LoadedModel model = opened.model();
        Network network = model.network();
        Dataset test = opened.test();
        out.printf("model %s: %d inputs, %d outputs; %s%n", options.model().toAbsolutePath().normalize(),
                network.inputWidth(), network.outputWidth(), model.checkpoint().isPresent()
                        ? "trained for " + model.trainedEpochs() + " epochs" : "saved without its training history");
        TestReport report = TestReport.measure(network, test, plugins, MnistPredictions.loss(model));
        report.print(out, options.classNames());
        out.println(ResultLine.tested("mnist-evaluate", model.trainedEpochs(), report.loss(),
                report.accuracy(), (System.nanoTime() - start) / 1e9));
        out.flush();
        return 0;
    }
}
