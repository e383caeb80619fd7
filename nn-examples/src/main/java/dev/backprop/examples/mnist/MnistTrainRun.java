package dev.backprop.examples.mnist;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.Trainer;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.examples.console.IoFailure;
import dev.backprop.examples.console.ProblemKind;
import dev.backprop.examples.console.ResultLine;
import dev.backprop.examples.console.TrainingCharts;
import dev.backprop.examples.console.TrainingProgress;
import dev.backprop.examples.inject.Trainers;
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
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * One training run of the mnist example: load the folder, hold out a validation split, build (or
 * resume) the network, train with a progress display and checkpoints, then report on the test set,
 * draw the charts and print the result line.
 */
final class MnistTrainRun {

    private final TrainOptions options;
    private final PluginRegistry registry;
    private final Trainers trainers;
    private final PrintWriter out;
    private final PrintWriter err;

    /**
     * @param options  what the command line asked for
     * @param registry resolves the plugin ids
     * @param trainers gives the trainer
     * @param out      where the progress and the report go
     * @param err      where warnings go
     */
    MnistTrainRun(TrainOptions options, PluginRegistry registry, Trainers trainers, PrintWriter out,
                  PrintWriter err) {
        this.options = options;
        this.registry = registry;
        this.trainers = trainers;
        this.out = out;
        this.err = err;
    }

    int run() {
        long start = System.nanoTime();
        Path model = options.model().toAbsolutePath().normalize();
        OptionalInt limit = options.limit();
        MnistData data = limit.isEmpty() ? MnistFolder.load(options.data())
                : MnistFolder.load(options.data(), limit.getAsInt());
        Network network;
        TrainingConfig config;
        ResumableRun resumed = null;
        if (options.resume()) {
            List<String> ignored = options.newRunOptions();
            if (!ignored.isEmpty()) {
                throw new InvalidConfigurationException("--resume goes on with the network and settings saved in "
                        + model + ", but " + String.join(", ", ignored) + " " + (ignored.size() == 1 ? "was" : "were")
                        + " also given: leave " + (ignored.size() == 1 ? "it" : "them") + " out to resume, or drop"
                        + " --resume to start a new run.");
            }
            resumed = ModelFiles.loadCheckpoint(model, registry);
            network = resumed.network();
            config = options.resumed(resumed.config());
            out.printf(Locale.ROOT, "resuming %s after epoch %d of %d%n", model, resumed.checkpoint().completedEpochs(),
                    config.epochs());
            if (scheduleRespread(config, resumed.config().epochs())) {
                out.printf(Locale.ROOT, "note: the %s schedule now spreads over %d epochs instead of %d, so this run"
                        + " differs from an uninterrupted one of either length%n", config.schedule(), config.epochs(),
                        resumed.config().epochs());
            }
        } else {
            network = options.network(registry, data.train().featureWidth(), MnistFolder.CLASSES);
            config = options.config();
        }
        Split split = Split.shuffled(data.train().size(), options.validation(), config.seed());
        Dataset train = data.train().select(split.train());
        Dataset validation = split.validation().length == 0 ? null : data.train().select(split.validation());
        out.printf(Locale.ROOT, "%s: %d training, %d validation and %d test images; network %s; %s, %s %s, batch %d,"
                        + " %d epochs, %d threads%n", options.data(), train.size(),
                validation == null ? 0 : validation.size(), data.test().size(), describe(network), config.loss(),
                config.optimizer(), config.optimizerHyperparameters(), config.batchSize(), config.epochs(),
                config.threads());
        out.flush();

        createParent(model);
        Trainer trainer = trainers.create(config, new TrainingProgress(out, ProblemKind.CLASSIFICATION, validation != null),
                new Checkpointer(model, options.checkpointEvery()));
        long trainStart = System.nanoTime();
        TrainingHistory history = resumed != null ? trainer.resume(network, train, validation, resumed.checkpoint())
                : validation == null ? trainer.fit(network, train) : trainer.fit(network, train, validation);
        double trainingSeconds = (System.nanoTime() - trainStart) / 1e9;

        TestReport report = TestReport.measure(network, data.test(), registry, trainer.config());
        report.print(out, options.classNames());
        out.printf(Locale.ROOT, "training took %.1f s; model saved to %s%n", trainingSeconds, model);
        writeCharts(history, model);
        out.println(ResultLine.classification("mnist", history.epochs().size(), history.finalLoss(), report.accuracy(),
                (System.nanoTime() - start) / 1e9));
        out.flush();
        return 0;
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
