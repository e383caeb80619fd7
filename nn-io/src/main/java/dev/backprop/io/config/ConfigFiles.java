package dev.backprop.io.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.io.files.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a run (a network architecture and how to train it) from a JSON ({@code .json}) or YAML
 * ({@code .yaml}, {@code .yml}) file, and writes one:
 * <pre>{@code
 * RunConfig run = ConfigFiles.load(Path.of("c2.yaml"), registry);
 * Network network = run.buildNetwork(registry);
 * ConfigFiles.save(run, Path.of("copy.json"));
 * }</pre>
 *
 * <p>The schema (YAML shown; JSON has the same keys):
 * <pre>{@code
 * network:                       # required
 *   input: 784                   # required, integer from 1 to 2147483639
 *   seed: 42                     # optional, integer, default 42: the seed of the initial weights
 *   layers:                      # required, at least one
 *     - {width: 256, activation: relu}                                  # width >= 1, activation id
 *     - {width: 10, activation: softmax, initializer: glorot_uniform}   # optional initializer id
 *     - {width: 16, activation: leaky_relu, hyperparameters: {alpha: 0.1}, l2: 0.0001, dropout: 0.2}   # optional l1/l2 penalties, dropout
 *     - {width: 8, activation: relu, initializer: {id: constant, hyperparameters: {value: 0.1}}}
 * training:                      # optional; every key defaults as in TrainingConfig.builder()
 *   loss: categorical_cross_entropy          # id, or {id: huber, hyperparameters: {delta: 0.5}}; default mse
 *   optimizer: {id: adam, hyperparameters: {learning_rate: 0.001, amsgrad: true}}   # or an id; default sgd
 *   epochs: 5                    # integer >= 1, default 10
 *   batch_size: 128              # integer >= 1, default 32
 *   shuffle: true                # default true
 *   seed: 42                     # integer, default 42: the seed of the shuffling
 *   threads: 2                   # integer from 1 to 65536, default the available processors
 *   schedule: {type: cosine, minimum_fraction: 0.0}    # default constant
 *   clipping: {by_norm: 1.0}     # or {by_value: 0.5}; default none
 * }</pre>
 * A plugin's {@code hyperparameters} are numbers, switches ({@code amsgrad: true}) or text
 * ({@code reduction: sum_over_outputs}); which kind a setting takes is the plugin's to say. Schedules
 * are listed in {@link ScheduleSection}: {@code constant}; {@code step} with {@code every_epochs} and
 * {@code factor}; {@code exponential} with {@code decay}; {@code cosine} with optional
 * {@code minimum_fraction} (default 0.0); {@code linear_warmup} with {@code warmup_epochs} and optional
 * {@code then} (another schedule, default constant). {@code constant} and {@code cosine} may also be
 * written as plain text ({@code schedule: cosine}). Numbers in YAML may be written {@code 1e-3} (which
 * YAML 1.1 reads as text); integers must be whole numbers without quotes.
 *
 * <p>A layer's weights ({@code fan-in × width}, the fan-in being the previous layer's width or the
 * input) must fit one Java array: at most 2147483639 values. {@link #load(Path, PluginRegistry)} checks
 * this without building the network (no weights are allocated while loading).
 *
 * <p>{@link #load(Path, PluginRegistry)} validates everything before returning: unknown keys (listing
 * the allowed ones and the closest match), wrong types, missing keys, values out of range, and every
 * activation, initializer, loss and optimizer id with its hyperparameters, resolved through the
 * registry. A configuration that loads therefore runs. Every failure is a {@link ConfigFileException}
 * that names the file and the key's path inside it ({@code network.layers[2].width},
 * {@code training.optimizer.hyperparameters.learning_rat}), what was expected, what was found and the
 * fix; syntax errors carry Jackson's line and column. {@link #save} writes what {@code load} reads back
 * as an equal {@link RunConfig}. Stateless and thread-safe.
 */
public final class ConfigFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigFiles.class);
    private static final List<String> TOP_KEYS = List.of("network", "training");

    private ConfigFiles() {
    }

    /** Loads {@code file}, resolving plugin ids through {@link PluginRegistry#discovered()}. */
    public static RunConfig load(Path file) {
        return load(file, PluginRegistry.discovered());
    }

    /**
     * Loads and fully validates {@code file}, resolving every plugin id through {@code registry}.
     *
     * @throws ConfigFileException naming the file, the key, what was expected and found, and the fix
     */
    public static RunConfig load(Path file, PluginRegistry registry) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(registry, "registry");
        ConfigFormat format = ConfigFormat.of(file);
        JsonNode tree = format.parse(file);
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigFileException(file, "", "Config file " + file + " is empty: expected a mapping with keys "
                    + String.join(", ", TOP_KEYS) + ", found nothing. Fix: add at least " + NetworkSection.EXAMPLE
                    + ".");
        }
        ConfigNode root = new ConfigNode(file, "", tree, format.isYaml());
        root.requireMapping(TOP_KEYS, NetworkSection.EXAMPLE);
        NetworkSection.SeededSpec network = NetworkSection.read(root.required("network", NetworkSection.EXAMPLE),
                registry);
        TrainingConfig training = TrainingSection.read(root.optional("training"), root, registry);
        return new RunConfig(network.spec(), network.seed(), training);
    }

    /**
     * Writes {@code run} to {@code file} in the syntax its extension names, replacing any file there
     * atomically; {@link #load} reads it back as an equal {@link RunConfig}. Plugin settings keep their
     * kind: numbers, switches and text.
     *
     * @throws ConfigFileException if the extension is not .json, .yaml or .yml, the run's learning-rate
     *                             schedule is a class of the user's own (which has no name in a config
     *                             file), or the file cannot be written; any previous file is then unchanged
     */
    public static void save(RunConfig run, Path file) {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(file, "file");
        ConfigFormat format = ConfigFormat.of(file);
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.set("network", NetworkSection.write(run.network(), run.networkSeed()));
        try {
            tree.set("training", TrainingSection.write(run.training()));
        } catch (IllegalArgumentException e) {
            throw new ConfigFileException(file, "training.schedule", "Cannot save the run to config file " + file
                    + ": " + e.getMessage() + ". Fix: use a built-in schedule (LearningRateSchedule.constant(),"
                    + " step, exponential, cosine or linearWarmup), or keep this run in code.", e);
        }
        long bytes;
        try {
            bytes = AtomicFileWriter.write(file, out -> format.write(tree, out));
        } catch (IOException e) {
            throw new ConfigFileException(file, "", "Could not save the run to config file " + file + ": " + e
                    + ". Any previous file there is unchanged. Fix: check that the folder exists and is writable and"
                    + " that the disk has space, then save again.", e);
        }
        LOG.debug("Saved run configuration to {} ({} bytes)", file, bytes);
    }
}
