package dev.backprop.io.model;

import dev.backprop.api.BackpropException;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.network.Network;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingCheckpoint;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.io.files.AtomicFileWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves a trained {@link Network} to a file and loads it back: the architecture (widths, activation
 * ids and settings, initialiser ids) and every weight and bias, bit for bit, so a loaded network
 * predicts exactly what the saved one did; optionally with the training configuration and the state
 * to resume training from.
 *
 * <pre>{@code
 * ModelFiles.save(network, Path.of("digits.bpnn"));
 * Network restored = ModelFiles.load(Path.of("digits.bpnn"));            // discovered plugins
 * LoadedModel model = ModelFiles.open(Path.of("digits.bpnn"), registry); // network, config, state
 * }</pre>
 *
 * <p>Three ways to save ({@link #save(Network, Path)}, {@link #save(Network, TrainingConfig, Path)},
 * {@link #saveCheckpoint}) and one way to read everything, {@link #open}, which gives a
 * {@link LoadedModel}; {@link #load}, {@link #loadCheckpoint} and {@link #checkpoint} are shortcuts for
 * one part of it.
 *
 * <h2>Saving</h2>
 * A save writes to a temporary file {@code <name>.<pid>.<random>.tmp} in the target's directory, forces
 * it to disk, then moves it over the target in one atomic step (a plain replace where the file system
 * has no atomic move). Readers therefore see the old file or the new one, never half of one; if the
 * save fails, the temporary file is deleted and the previous file is left untouched. A save also
 * removes the temporary files that killed saves of the same file left behind (their process is gone).
 * Do not save a network while it is being trained: the values are read as they are. The file holds no
 * wall-clock times, so the same trained state always saves the same bytes.
 *
 * <h2>Loading</h2>
 * {@link #open} checks the file, builds the architecture with {@link Network#create} through the
 * registry (so every activation the model uses, built-in softmax aside, must be installed, including
 * activations that were given to the builder as instances), and copies the saved values into
 * {@link Network#parameters()}. Every failure is a {@link ModelFormatException} that names the file: a
 * missing file, a file that is not a model, one written by a newer format version, one that ends early,
 * one whose checksum does not match (a changed byte), one whose declared sizes do not fit the file or
 * its own architecture, an activation that is not installed or rejects its saved settings.
 *
 * <h2>File format, version {@value #FORMAT_VERSION}</h2>
 * Big-endian, as written by {@link java.io.DataOutputStream}; {@code utf} is
 * {@link java.io.DataOutputStream#writeUTF} (a two-byte length, then modified UTF-8). {@code settings}
 * is a plugin's settings: {@code count int}, then per setting {@code name utf}, {@code kind byte}
 * ({@code 'N'} number, {@code 'S'} switch, {@code 'T'} text; version 4 on) and the value ({@code double},
 * a {@code 0}/{@code 1} byte, or {@code utf}); before version 4 every value is an untagged {@code double}.
 * Version 5 has version 4's layout; it marks files written after {@code nadam}'s default momentum rule
 * changed, so that an older file's {@code nadam} keeps its former rule ({@code EarlierRules}).
 * Version 6 adds the progress of an unfinished epoch at the end of the training state (a run stopped
 * between two batches); an older checkpoint reads as 0 batches into the epoch after its completed ones.
 * <pre>
 * magic              4 bytes   the ASCII text "BPNN"
 * formatVersion      int       {@value #FORMAT_VERSION}
 * inputWidth         int       number of input features
 * layerCount         int
 * per layer:
 *   width            int       number of neurons
 *   activation       utf       activation id ("softmax", "relu", "acme.swish")
 *   activation set.  settings
 *   initializer      utf       weight initialiser id, or "" for the activation's default
 *   init settings    settings  (version 2 on)
 *   l1, l2           double    (version 2 on) the layer's weight penalties
 *   dropout          double    (version 2 on) the fraction of outputs dropped during training
 * parameterCount     int       two per layer: weights, then biases
 * per parameter:
 *   name             utf       "dense_1.weight", "dense_1.bias", ... (before version 4: "layer1.weights", "layer1.biases")
 *   rows             int       fan-in for weights, 1 for biases
 *   columns          int       the layer's width
 *   values           rows × columns floats, row-major (IEEE 754 single precision)
 * training         boolean   (version 2 on) whether the training configuration follows:
 *   loss             utf       loss id, then its settings
 *   optimizer        utf       optimizer id, then its settings
 *   epochs           int       (version 3 on, here to clipping) the run's planned epochs
 *   batchSize        int
 *   shuffle          boolean
 *   seed             long
 *   threads          int
 *   schedule         utf       "constant", "step" (int every, double factor), "exponential" (double decay),
 *                              "cosine" (double final fraction) or "warmup" (int epochs, then a schedule)
 *   clipping         utf       NONE, BY_VALUE or BY_NORM, then double limit
 * state            boolean   (version 3 on) whether the state to resume training from follows:
 *   completedEpochs  int
 *   stateCount       int       one per parameter, in parameter order:
 *     slotCount      int
 *     step           long      updates made so far
 *     slots          slotCount × the parameter's size floats
 *   historyLength    int       one report per finished epoch:
 *     epoch, epochs  int, int
 *     loss           double    then examples int, seconds, learningRate, accuracy, validationLoss and
 *                              validationAccuracy as doubles (NaN where not measured); seconds is
 *                              written as 0: wall-clock time is not saved, so the same run (same seed
 *                              and threads) saves byte-identical files (older files may hold real times)
 *   currentEpoch               (version 6 on) the epoch after the completed ones, as far as it got:
 *     batches        int       batches trained (0: the run stopped at an epoch's end)
 *     lossSum        double    the sum of batch loss × batch rows over those batches
 *     correct        int       those batches' examples classified right while training
 *     seconds        double    written as 0, as the reports' seconds
 * checksum           long      CRC32 of every byte before it, in the low 32 bits
 * </pre>
 * A reader accepts versions 1 to {@value #FORMAT_VERSION} and rejects newer ones with a message
 * asking to upgrade; a format change that older readers could misread must raise the version. Each
 * section is read and written side by side in its own class ({@code HeaderSection},
 * {@code ArchitectureSection}, {@code HyperparametersSection}, {@code ParametersSection},
 * {@code TrainingSection}, {@code ScheduleSection}, {@code CheckpointSection}).
 *
 * <p>Stateless and thread-safe; concurrent saves to the same path leave one complete file.
 */
public final class ModelFiles {

    /** The four ASCII bytes every model file starts with. */
    public static final String MAGIC = "BPNN";
    /** The format version this class writes, and the newest it reads. */
    public static final int FORMAT_VERSION = 6;

    private static final Logger LOG = LoggerFactory.getLogger(ModelFiles.class);
    private static final int READ_BUFFER_BYTES = 1 << 16;

    private ModelFiles() {
    }

    /**
     * Saves {@code network} (architecture and current weights) to {@code file}, replacing any file
     * there atomically.
     *
     * @param network the network to save
     * @param file    the file to create or replace; its directory must exist
     * @throws ModelFormatException if the file cannot be written (missing directory, no permission,
     *                              disk full); any previous file at {@code file} is then unchanged
     * @throws dev.backprop.api.NumericalInstabilityException if a weight (or, for a checkpoint, an
     *                              optimizer state value) is NaN or infinite: nothing is written
     */
    public static void save(Network network, Path file) {
        save(network, Optional.empty(), Optional.empty(), file, UnaryOperator.identity());
    }

    /**
     * Saves {@code network} as {@link #save(Network, Path)} does, together with the training
     * configuration {@code training} (loss and optimizer with their settings, and the run's settings),
     * which {@link #open} reads back.
     *
     * @throws ModelFormatException also if the configuration's learning-rate schedule is not a built-in one
     */
    public static void save(Network network, TrainingConfig training, Path file) {
        save(network, Optional.of(training), Optional.empty(), file, UnaryOperator.identity());
    }

    /**
     * Saves a checkpoint: {@code network} with {@code config} as {@link #save(Network, TrainingConfig, Path)}
     * does, plus {@code checkpoint} (completed epochs, optimizer state, history), so that
     * {@link #loadCheckpoint} and {@code Trainer.resume} go on exactly where the run is now (at an
     * epoch's end, or between two batches when the checkpoint records an unfinished epoch). Atomic like
     * every save. Call it between batches (from {@code TrainingListener.onCheckpoint}, as
     * {@link Checkpointer} does), never while a batch is being computed.
     */
    public static void saveCheckpoint(Network network, TrainingConfig config, TrainingCheckpoint checkpoint,
                                      Path file) {
        save(network, Optional.of(config), Optional.of(checkpoint), file, UnaryOperator.identity());
    }

    /** {@link #save(Network, Path)} with the raw file stream wrapped by {@code streamDecorator}; a test seam. */
    static void save(Network network, Path file, UnaryOperator<OutputStream> streamDecorator) {
        save(network, Optional.empty(), Optional.empty(), file, streamDecorator);
    }

    private static void save(Network network, Optional<TrainingConfig> config, Optional<TrainingCheckpoint> checkpoint,
                             Path file, UnaryOperator<OutputStream> streamDecorator) {
        Objects.requireNonNull(network, "network");
        config.ifPresent(TrainingSection::requireStorable);
        checkpoint.ifPresent(state -> state.requireFits(network.parameters()));
        if (checkpoint.isPresent() && config.isEmpty()) {
            throw new IllegalArgumentException("A checkpoint is saved with its training configuration.");
        }
        Path target = absolute(file);
        Path directory = target.getParent();
        if (Files.isDirectory(target)) {
            throw new ModelFormatException("Cannot save the model to " + target + ": it is a directory, but a file"
                    + " name was expected. Give a file path such as " + target.resolve("model.bpnn") + ".");
        }
        if (directory == null || !Files.isDirectory(directory)) {
            throw new ModelFormatException("Cannot save the model to " + target + ": its directory " + directory
                    + " does not exist. Create the directory first, or choose a path in an existing one.");
        }
        FiniteValues.require(target, network, checkpoint);
        long bytes;
        try {
            bytes = AtomicFileWriter.write(target,
                    out -> ModelFormat.write(network.spec(), network.parameters(), config, checkpoint, out),
                    streamDecorator);
        } catch (IOException e) {
            throw new ModelFormatException("Could not save the model to " + target + ": " + e
                    + ". Any previous file there is unchanged. Check that the directory is writable and that the disk"
                    + " has space, then save again.", e);
        }
        LOG.debug("Saved model to {} ({} bytes, {} layers, {} trainable values)", target, bytes,
                network.spec().layers().size(), network.spec().parameterCount());
    }

    /**
     * Reads the model in {@code file} with whatever training information was saved with it, reading the
     * file once: the network (its activations resolved through {@code registry}), the loss and optimizer,
     * the training configuration and the training state, each empty when not saved. The loss and
     * optimizer ids are returned as saved, not resolved: a program that only predicts needs neither plugin.
     *
     * @throws ModelFormatException if the file is missing, not a model, too new, truncated, corrupted,
     *                              or needs an activation that {@code registry} does not have
     */
    public static LoadedModel open(Path file, PluginRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Path source = absolute(file);
        SavedModel model = read(source);
        Network network = NetworkRestorer.restore(model, registry, source);
        LOG.debug("Loaded model from {} ({} layers, {} trainable values)", source, network.spec().layers().size(),
                network.spec().parameterCount());
        return new LoadedModel(network, model.training(), model.config(), model.checkpoint());
    }

    /**
     * The network in {@code file} ({@link #open}{@code (file, registry).network()}).
     *
     * @param file     a file written by {@link #save}
     * @param registry the plugins that provide the model's activations
     * @return a new network with the saved architecture and values
     * @throws ModelFormatException if the file is missing, not a model, too new, truncated, corrupted,
     *                              or needs an activation that {@code registry} does not have
     */
    public static Network load(Path file, PluginRegistry registry) {
        return open(file, registry).network();
    }

    /** The network in {@code file}, its activations resolved through {@link PluginRegistry#discovered()}. */
    public static Network load(Path file) {
        return load(file, PluginRegistry.discovered());
    }

    /**
     * Loads a checkpoint written by {@link #saveCheckpoint}: the network with its weights, the run's
     * configuration and the state to resume from, each checked (plugins installed, settings accepted).
     *
     * <pre>{@code
     * ResumableRun run = ModelFiles.loadCheckpoint(Path.of("run.bpnn"), registry);
     * TrainingConfig config = run.config();
     * Trainer trainer = new Trainer(config.settings(), registry.loss(config.loss(), config.lossHyperparameters()),
     *         registry.optimizer(config.optimizer(), config.optimizerHyperparameters()), listeners);
     * trainer.resume(run.network(), train, validation, run.checkpoint());
     * }</pre>
     *
     * @throws ModelFormatException if the file is not a valid model, or was saved without training state
     *                              (then it names the call that saves one), or needs a missing plugin
     */
    public static ResumableRun loadCheckpoint(Path file, PluginRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Path source = absolute(file);
        SavedModel model = read(source);
        if (model.config().isEmpty() || model.checkpoint().isEmpty()) {
            throw new ModelFormatException("Model file " + source + " holds a trained network but no training state"
                    + " to resume from: expected a checkpoint written by ModelFiles.saveCheckpoint (./backprop saves"
                    + " one with --checkpoint-every). Load it as a model, or train from scratch.");
        }
        TrainingConfig config = model.config().get();
        requireResolvable(source, PluginKind.LOSS, config.loss(), config.lossHyperparameters(),
                () -> registry.loss(config.loss(), config.lossHyperparameters()));
        requireResolvable(source, PluginKind.OPTIMIZER, config.optimizer(), config.optimizerHyperparameters(),
                () -> registry.optimizer(config.optimizer(), config.optimizerHyperparameters()));
        Network network = NetworkRestorer.restore(model, registry, source);
        LOG.debug("Loaded checkpoint from {} after epoch {}", source, model.checkpoint().get().completedEpochs());
        return new ResumableRun(network, config, model.checkpoint().get());
    }

    /**
     * The training state saved with the model in {@code file} by {@link #saveCheckpoint} (completed
     * epochs, optimizer state, history), read without building the network; empty for a model saved
     * without one.
     *
     * @throws ModelFormatException if the file is not a valid model
     */
    public static Optional<TrainingCheckpoint> checkpoint(Path file) {
        return read(absolute(file)).checkpoint();
    }

    /**
     * Runs {@code resolve} (the registry's lookup of the run's {@code kind} {@code id} with its saved
     * settings), turning its failure into one message about the file: a plugin that is not installed
     * ({@link MissingPlugin}), or one that refuses the saved settings.
     */
    private static void requireResolvable(Path source, PluginKind kind, PluginId id, Hyperparameters settings,
                                          Runnable resolve) {
        try {
            resolve.run();
        } catch (UnknownPluginException e) {
            throw MissingPlugin.of(source, kind, id, "", e);
        } catch (BackpropException e) {
            throw new ModelFormatException("Model file " + source + " was saved with the " + kind.word() + " '" + id
                    + "'" + SettingsText.of(settings) + ", which the installed plugin cannot set up: " + e.getMessage()
                    + " Install the plugin version the run was saved with.", e);
        }
    }

    /** Reads and verifies the whole file. */
    private static SavedModel read(Path source) {
        try {
            if (Files.isDirectory(source)) {
                throw new ModelFormatException("Cannot load a model from " + source + ": it is a directory, but a"
                        + " model file was expected. Give the path of a file written by ModelFiles.save.");
            }
            long bytes = Files.size(source);
            try (InputStream in = new BufferedInputStream(Files.newInputStream(source), READ_BUFFER_BYTES)) {
                return ModelFormat.read(in, source, bytes);
            }
        } catch (NoSuchFileException e) {
            throw new ModelFormatException("Model file " + source + " does not exist: expected a file written by"
                    + " ModelFiles.save there. Check the path (relative paths start at "
                    + Path.of("").toAbsolutePath() + "), or save a model there first.", e);
        } catch (AccessDeniedException e) {
            throw new ModelFormatException("Model file " + source + " cannot be read: permission denied. Give this"
                    + " user read access to it, or copy it somewhere readable.", e);
        } catch (IOException e) {
            throw new ModelFormatException("Could not read model file " + source + ": " + e
                    + ". Check that the file is readable and not being replaced, then load again.", e);
        }
    }

    private static Path absolute(Path file) {
        return Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
    }
}
