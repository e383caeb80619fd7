package dev.backprop.examples.diagram;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.core.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./backprop summary}: a Keras-style table of a saved model's or a configuration's layers. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = {"Prints a table of a network: one row per dense layer (dense_1, dense_2, ...) with its"
                + " activation, output width, weights, biases and trainable parameters, then the total.",
            "Give exactly one of --model (a saved .bpnn) or --config (a .json/.yaml run configuration; the counts"
                + " come from its architecture)."})
public final class SummaryCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private NetworkSource source;

    private final Provider<PluginRegistry> registry;

    /** @param registry the plugins, from {@code --plugins} */
    @Inject
    SummaryCommand(Provider<PluginRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() {
        SourceNetwork network = source.open("summary", registry.get());
        PrintWriter out = spec.commandLine().getOut();
        out.println(network.kind() + ": " + network.file().toAbsolutePath().normalize());
        for (String line : new SummaryTable(network.spec()).lines()) {
            out.println(line);
        }
        out.flush();
        return 0;
    }
}
