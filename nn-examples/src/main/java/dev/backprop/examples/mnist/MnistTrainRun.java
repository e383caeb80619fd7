package dev.backprop.examples.mnist;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.examples.console.GracefulStop;
import dev.backprop.examples.console.IoFailure;
import dev.backprop.examples.console.ProblemKind;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.console.ScheduleName;
import dev.backprop.examples.console.ShellWords;
import dev.backprop.examples.console.TrainingCharts;
import dev.backprop.examples.console.TrainingProgress;
import dev.backprop.examples.dashboard.LiveDashboard;
import dev.backprop.examples.inject.Trainers;
import dev.backprop.io.config.RunConfig;
import dev.backprop.io.data.MnistData;
import dev.backprop.io.data.MnistFolder;
import dev.backprop.io.data.Split;
import dev.backprop.io.model.Checkpointer;
import dev.backprop.io.model.ModelFiles;
import dev.backprop.io.model.ResumableRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * One training run of the mnist example: load the folder, hold out a validation split, build (or
 * resume) the network, train with a progress display and checkpoints, then report on the test set,
 * draw the charts and print the result line. Ctrl-C (or SIGTERM) ends training early
 * ({@link GracefulStop}): the checkpoint of the epochs done is saved, their charts drawn, and one line
 * says how to go on. Resuming a run that has finished says so, and how to train longer.
 */
final class MnistTrainRun {

    /** The exit status of a run stopped by Ctrl-C or SIGTERM (128 + SIGINT's 2, as shells report it). */
    static final int STOPPED = 130;

    private final TrainOptions options;
    private final PluginRegistry registry;
    private final Trainers trainers;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Path> pluginFolders;

    /**
     * @param options  what the command line asked for
     * @param registry resolves the plugin ids
     * @param trainers gives the trainer
     * @param out      where the progress and the report go
     * @param err      where warnings go
     * @param pluginFolders the {@code --plugins} folders, for the command that resumes
     */
    MnistTrainRun(TrainOptions options, PluginRegistry registry, Trainers trainers, PrintWriter out,
                  PrintWriter err, List<Path> pluginFolders) {
        this.options = options;
        this.registry = registry;
        this.trainers = trainers;
        this.out = out;
        this.err = err;
        this.pluginFolders = List.copyOf(pluginFolders);
    }

    int run() {
        long start = System.nanoTime();
        options.check();
        Path model = options.model().toAbsolutePath().normalize();
        ResumableRun resumed = null;
        TrainingConfig resumedConfig = null;
        if (options.resume()) {
            List<String> ignored = options.newRunOptions();
            if (!ignored.isEmpty()) {
                throw new InvalidConfigurationException("--resume goes on with the network and settings saved in "
                        + model + ", but " + String.join(", ", ignored) + " " + (ignored.size() == 1 ? "was" : "were")
                        + " also given: leave " + (ignored.size() == 1 ? "it" : "them") + " out to resume, or drop"
                        + " --resume to start a new run.");
            }
            resumed = ModelFiles.loadCheckpoint(model, registry);
            resumedConfig = options.resumed(resumed.config());
            int done = resumed.checkpoint().completedEpochs();
            if (done >= resumedConfig.epochs()) {
                out.printf(Locale.ROOT, "%s has finished: it trained %d of %d epochs, so there is nothing to resume. To"
                                + " train longer, give a larger total: %s%n", model, done, resumedConfig.epochs(),
                        resumeCommand(model, List.of("--epochs", String.valueOf(Math.max(done + 1, 2 * done)))));
                out.flush();
                return 0;
            }
        }
        OptionalInt limit = options.limit();
        MnistData data = limit.isEmpty() ? MnistFolder.load(options.data())
                : MnistFolder.load(options.data(), limit.getAsInt());
        Network network;
        TrainingConfig config;
        if (resumed != null) {
            network = resumed.network();
            config = resumedConfig;
            out.printf(Locale.ROOT, "resuming %s %s of %d%n", model, resumed.checkpoint().position(), config.epochs());
            if (scheduleRespread(config, resumed.config().epochs())) {
                out.printf(Locale.ROOT, "note: the %s schedule now spreads over %d epochs instead of %d, so this run"
                        + " differs from an uninterrupted one of either length%n", ScheduleName.of(config.schedule()),
                        config.epochs(), resumed.config().epochs());
            }
        } else {
            RunConfig run = options.run(registry, data.train().featureWidth(), MnistFolder.CLASSES,
                    options.data() + " (" + MnistFolder.CLASSES + " classes)");
            network = run.buildNetwork(registry);
            config = run.training();
        }
        Split split = Split.shuffled(data.train().size(), options.validation(), config.seed());
        Dataset train = data.train().select(split.train());
        Dataset validation = split.validation().length == 0 ? null : data.train().select(split.validation());
        out.printf(Locale.ROOT, "%s: %d training, %d validation and %d test images; network %s; %s, %s %s, schedule %s,"
                        + " batch %d, %d epochs, %d threads%n", options.data(), train.size(),
                validation == null ? 0 : validation.size(), data.test().size(), describe(network), config.loss(),
                config.optimizer(), config.optimizerHyperparameters(), ScheduleName.of(config.schedule()),
                config.batchSize(), config.epochs(), config.threads());
        out.flush();

        createParent(model);
        TrainingHistory history;
        Trainer trainer;
        double trainingSeconds;
        try (LiveDashboard dashboard = LiveDashboard.start(options.dashboard(), out);
             GracefulStop stop = GracefulStop.install(err)) {
            List<TrainingListener> listeners = new ArrayList<>(List.of(new TrainingProgress(out,
                    ProblemKind.CLASSIFICATION, validation != null), new Checkpointer(model, options.checkpointEvery()),
                    stop));
            listeners.addAll(dashboard.listeners(network, train, registry.loss(config.loss(),
                    config.lossHyperparameters())));
            trainer = trainers.create(config, listeners.toArray(TrainingListener[]::new));
            long trainStart = System.nanoTime();
            try {
                history = resumed != null ? trainer.resume(network, train, validation, resumed.checkpoint())
                        : validation == null ? trainer.fit(network, train) : trainer.fit(network, train, validation);
            } catch (RuntimeException failed) {
                dashboard.showFailure(String.valueOf(failed.getMessage()));
                throw failed;
            }
            trainingSeconds = (System.nanoTime() - trainStart) / 1e9;
            boolean interrupted = stop.stopRequested();
            if ((interrupted || dashboard.stopRequested()) && history.epochs().size() < config.epochs()) {
                writeCharts(history, model);
                String position = ModelFiles.checkpoint(model).map(TrainingCheckpoint::position)
                        .orElse("after epoch " + history.epochs().size());
                out.printf(Locale.ROOT, "stopped %s of %d; the checkpoint is saved in %s. Go on with: %s%n",
                        position, config.epochs(), model, resumeCommand(model, List.of()));
                out.flush();
                if (interrupted) {
                    return STOPPED; // Ctrl-C: the JVM is shutting down, so no waiting for the page
                }
                dashboard.showDiagram(network);
                dashboard.keepOpenForTheUser();
                return 0;
            }

            TestReport report = TestReport.measure(network, data.test(), registry, trainer.config());
            report.print(out, options.classNames());
            out.printf(Locale.ROOT, "training took %.1f s; model saved to %s%n", trainingSeconds, model);
            writeCharts(history, model);
            out.println(ResultLine.trainedAndTested("mnist", history.epochs().size(), history.finalLoss(),
                    report.loss(), report.accuracy(), (System.nanoTime() - start) / 1e9));
            out.flush();
            dashboard.showResult(network, report.matrix(), options.classNames());
            dashboard.keepOpenForTheUser();
        }
        return 0;
    }

    /** {@code ./backprop mnist --model FILE --resume}, with the data options and plugins typed, then {@code more}. */
    private String resumeCommand(Path model, List<String> more) {
        List<String> words = new ArrayList<>(List.of("./backprop", "mnist"));
        pluginFolders.forEach(folder -> words.addAll(List.of("--plugins", folder.toString())));
        words.addAll(options.dataOptions());
        words.addAll(List.of("--model", model.toString(), "--resume"));
        words.addAll(more);
        return ShellWords.join(words);
    }

    /**
     * Whether a new epoch total changes the schedule's rate of any epoch (cosine does; constant, step and
     * exponential decay do not): then the epochs trained before and after the resume follow two different
     * schedules, and the run matches no uninterrupted one.
     */
    private static boolean scheduleRespread(TrainingConfig config, int savedEpochs) {
        int common = Math.min(savedEpochs, config.epochs());
        for (int epoch = 1; epoch <= common; epoch++) {
            if (config.schedule().rate(epoch, savedEpochs, 1.0) != config.schedule().rate(epoch, config.epochs(), 1.0)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Draws the charts beside the model. They are a by-product: when one cannot be written (a full disk, a
     * folder in its place), one warning line on stderr says so and the run goes on, the model already saved.
     */
    private void writeCharts(TrainingHistory history, Path model) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".bpnn") ? name.substring(0, name.length() - ".bpnn".length()) : name;
        try {
            for (Path chart : new TrainingCharts(ProblemKind.CLASSIFICATION).write(history.epochs(),
                    model.resolveSibling(stem))) {
                out.println("chart: " + chart);
            }
        } catch (IOException e) {
            out.flush();
            err.println("warning: could not write the charts beside " + model + " (" + IoFailure.describe(e)
                    + "); the model is saved. Free some space or make the folder writable to get the charts.");
            err.flush();
        }
    }

    private static String describe(Network network) {
        StringBuilder text = new StringBuilder().append(network.inputWidth());
        network.spec().layers().forEach(layer -> text.append('-').append(layer.width()).append(' ')
                .append(layer.activation().value()).append(layer.dropout() > 0 ? " (dropout " + layer.dropout() + ")"
                        : ""));
        return text.toString();
    }

    private static void createParent(Path model) {
        try {
            Files.createDirectories(model.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the folder " + model.getParent() + " for the model: "
                    + e.getMessage() + ". Choose another --model path.", e);
        }
    }
}
