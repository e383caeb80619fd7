package dev.backprop.examples.dashboard;

import com.google.inject.Inject;
import com.google.inject.Provider;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.dashboard.Dashboard;
import dev.backprop.dashboard.DashboardSettings;
import dev.backprop.examples.diagram.NetworkSvg;
import dev.backprop.examples.options.ModelOption;
import dev.backprop.io.model.LoadedModel;
import dev.backprop.io.model.ModelFiles;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./backprop dashboard --model FILE}: a finished (or checkpointed) run's history and network in the browser. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Shows a saved run in the browser: the loss and accuracy of each epoch (train and validation)"
                + " from a checkpoint's history, each layer's weight norms and histograms, and the network diagram.",
            "Serves http://127.0.0.1:PORT/ (this machine only) until Enter, Ctrl-C or --seconds."})
public final class DashboardCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private ModelOption model;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "The port on 127.0.0.1, 0 for a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seconds", paramLabel = "N",
            description = "Serve for N seconds, then exit (default: until Enter or Ctrl-C).")
    Integer seconds;

    private final Provider<PluginRegistry> registry;

    /** @param registry the plugins, from {@code --plugins} */
    @Inject
    DashboardCommand(Provider<PluginRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public Integer call() throws InterruptedException {
        Path file = model.file();
        if (file == null) {
            throw new InvalidConfigurationException("dashboard shows a saved run: give --model FILE (a .bpnn written"
                    + " by training), e.g. ./backprop dashboard --model runs/mnist/model.bpnn.");
        }
        if (seconds != null && seconds < 0) {
            throw new InvalidConfigurationException("--seconds must be 0 or more, found " + seconds + ": give how long"
                    + " to serve the page, or leave it out to serve until Enter or Ctrl-C.");
        }
        LoadedModel loaded = ModelFiles.open(file, registry.get());
        PrintWriter out = spec.commandLine().getOut();
        try (Dashboard dashboard = Dashboard.start(DashboardSettings.defaults().withPort(port))) {
            List<dev.backprop.core.train.EpochReport> epochs = loaded.checkpoint().map(TrainingCheckpoint::history)
                    .orElse(List.of());
            dashboard.showRun(loaded.network(), new TrainingHistory(epochs), loaded.config().orElse(null));
            dashboard.showDiagram(NetworkSvg.of(loaded.network()));
            out.println("dashboard: " + dashboard.uri() + " shows " + file.toAbsolutePath().normalize() + " ("
                    + epochs.size() + " epochs of history)" + (epochs.isEmpty() ? ": saved without a checkpoint,"
                    + " so only its layers and diagram" : ""));
            out.flush();
            serve(out);
        }
        return 0;
    }

    private void serve(PrintWriter out) throws InterruptedException {
        if (seconds != null) {
            new CountDownLatch(1).await(seconds, TimeUnit.SECONDS);
            return;
        }
        Console console = System.console();
        if (console != null) {
            out.println("press Enter to exit");
            out.flush();
            console.readLine();
            return;
        }
        new CountDownLatch(1).await(); // until Ctrl-C ends the JVM
    }
}
