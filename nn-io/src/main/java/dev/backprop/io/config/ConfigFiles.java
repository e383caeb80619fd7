package dev.backprop.io.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.InvalidPluginException;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkBuilder;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.WeightPenalty;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.network.GradientClipping;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads a run (a network architecture and how to train it) from a JSON ({@code .json}) or YAML
 * ({@code .yaml}, {@code .yml}) file:
 * <pre>{@code
 * RunConfig run = ConfigFiles.load(Path.of("c2.yaml"), registry);
 * Network network = run.buildNetwork(registry);
 * run.trainer(registry, List.of()).fit(network, data);
 * }</pre>
 *
 * <p>The schema (YAML shown; JSON has the same keys):
 * <pre>{@code
 * network:                       # required
 *   input: 784                   # required, integer >= 1
 *   seed: 42                     # optional, integer, default 42: the seed of the initial weights
 *   layers:                      # required, at least one
 *     - {width: 256, activation: relu}                                  # width >= 1, activation id
 *     - {width: 10, activation: softmax, initializer: glorot_uniform}   # optional initializer id
 *     - {width: 16, activation: leaky_relu, hyperparameters: {alpha: 0.1}, l2: 0.0001, dropout: 0.2}   # optional l1/l2 penalties, dropout
 * training:                      # optional; every key defaults as in TrainingConfig.builder()
 *   loss: categorical_cross_entropy          # id, or {id: huber, hyperparameters: {delta: 0.5}}; default mse
 *   optimizer: {id: adam, hyperparameters: {learning_rate: 0.001}}     # or an id; default sgd
 *   epochs: 5                    # integer >= 1, default 10
 *   batch_size: 128              # integer >= 1, default 32
 *   shuffle: true                # default true
 *   seed: 42                     # integer, default 42: the seed of the shuffling
 *   threads: 2                   # integer >= 1, default the available processors
 *   schedule: {type: cosine, minimum_fraction: 0.0}    # default constant
 *   clipping: {by_norm: 1.0}     # or {by_value: 0.5}; default none
 * }</pre>
 * Schedules: {@code constant}; {@code step} with {@code every_epochs} and {@code factor};
 * {@code exponential} with {@code decay}; {@code cosine} with optional {@code minimum_fraction}
 * (default 0.0); {@code linear_warmup} with {@code warmup_epochs} and optional {@code then} (another
 * schedule, default constant). {@code constant} and {@code cosine} may also be written as plain text
 * ({@code schedule: cosine}). Numbers in YAML may be written {@code 1e-3} (which YAML 1.1 reads as
 * text); integers must be whole numbers without quotes.
 *
 * <p>{@link #load(Path, PluginRegistry)} validates everything before returning: unknown keys (listing
 * the allowed ones and the closest match), wrong types, missing keys, values out of range, and every
 * activation, initializer, loss and optimizer id with its hyperparameters, resolved through the
 * registry. A configuration that loads therefore runs. Every failure is a {@link ConfigFileException}
 * that names the file and the key's path inside it ({@code network.layers[2].width},
 * {@code training.optimizer.hyperparameters.learning_rat}), what was expected, what was found and the
 * fix; syntax errors carry Jackson's line and column. Stateless and thread-safe.
 */
public final class ConfigFiles {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final List<String> TOP_KEYS = List.of("network", "training");
    private static final List<String> NETWORK_KEYS = List.of("input", "seed", "layers");
    private static final List<String> LAYER_KEYS = List.of("width", "activation", "initializer", "hyperparameters",
            "l1", "l2", "dropout");
    private static final List<String> TRAINING_KEYS = List.of("loss", "optimizer", "epochs", "batch_size", "shuffle",
            "seed", "threads", "schedule", "clipping");
    private static final List<String> PLUGIN_KEYS = List.of("id", "hyperparameters");
    private static final List<String> SCHEDULE_TYPES = List.of("constant", "step", "exponential", "cosine",
            "linear_warmup");
    private static final List<String> CLIPPING_KEYS = List.of("by_norm", "by_value");

    private static final String NETWORK_EXAMPLE = "network: {input: 784, layers: [{width: 10, activation: softmax}]}";
    private static final String LAYER_EXAMPLE = "{width: 128, activation: relu}";

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
        boolean yaml = isYaml(file);
        ConfigNode root = new ConfigNode(file, "", read(file, yaml), yaml);
        root.requireMapping(TOP_KEYS, NETWORK_EXAMPLE);
        ConfigNode networkNode = root.required("network", NETWORK_EXAMPLE);
        long networkSeed = networkSeed(networkNode);
        NetworkSpec spec = network(networkNode, registry, networkSeed);
        TrainingConfig training = training(root.optional("training"), root, registry);
        return new RunConfig(spec, networkSeed, training);
    }

    // ----- file ---------------------------------------------------------------------------------

    private static boolean isYaml(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) {
            return false;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return true;
        }
        throw new ConfigFileException(file, "", "Config file " + file + ": expected a name ending in .json, .yaml"
                + " or .yml (the extension picks the format), found '" + name + "'. Fix: rename the file to end in"
                + " .json for JSON or .yaml for YAML.");
    }

    private static JsonNode read(Path file, boolean yaml) {
        String format = yaml ? "YAML" : "JSON";
        if (!Files.exists(file)) {
            throw new ConfigFileException(file, "", "Config file " + file + " does not exist: expected a " + format
                    + " run configuration there, found nothing. Fix: check the path (a relative path is resolved"
                    + " against " + Path.of("").toAbsolutePath() + ").");
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigFileException(file, "", "Config file " + file + " is not a regular file: expected a "
                    + format + " run configuration, found a directory or special file. Fix: give the path of the"
                    + " file itself.");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = (yaml ? YAML : JSON).readTree(in);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String at = location == null ? "" : " at line " + location.getLineNr() + ", column "
                    + location.getColumnNr();
            throw new ConfigFileException(file, "", "Config file " + file + " is not well-formed " + format + at + ": "
                    + e.getOriginalMessage() + ". Fix: correct the " + format + " syntax there" + (yaml
                    ? " (indent nested keys with spaces, put a space after each ':')"
                    : " (quote keys and text with \", separate entries with commas, no trailing comma)") + ".", e);
        } catch (IOException e) {
            throw new ConfigFileException(file, "", "Config file " + file + " could not be read: expected a readable "
                    + format + " file, found " + e + ". Fix: check the file's permissions.", e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new ConfigFileException(file, "", "Config file " + file + " is empty: expected a mapping with keys "
                    + String.join(", ", TOP_KEYS) + ", found nothing. Fix: add at least " + NETWORK_EXAMPLE + ".");
        }
        return root;
    }

    // ----- network ------------------------------------------------------------------------------

    private static long networkSeed(ConfigNode networkNode) {
        networkNode.requireMapping(NETWORK_KEYS, NETWORK_EXAMPLE);
        return networkNode.optional("seed").map(n -> n.longValue("42")).orElse(NetworkBuilder.DEFAULT_SEED);
    }

    private static NetworkSpec network(ConfigNode node, PluginRegistry registry, long seed) {
        int input = node.required("input", "input: 784").intValue(1, "784");
        List<LayerSpec> layers = new ArrayList<>();
        List<ConfigNode> layerNodes = node.required("layers", "layers: [" + LAYER_EXAMPLE + "]").elements(
                "[" + LAYER_EXAMPLE + "]");
        for (ConfigNode layerNode : layerNodes) {
            layers.add(layer(layerNode, registry, seed));
        }
        try {
            return new NetworkSpec(input, layers);
        } catch (InvalidConfigurationException e) {
            ConfigNode last = layerNodes.get(layerNodes.size() - 1);
            throw last.wrap(last.pathOf("dropout"), e);
        }
    }

    private static LayerSpec layer(ConfigNode node, PluginRegistry registry, long seed) {
        node.requireMapping(LAYER_KEYS, LAYER_EXAMPLE);
        int width = node.required("width", "width: 128").intValue(1, "128");
        ConfigNode activationNode = node.required("activation", "activation: relu");
        PluginId activation = pluginId(activationNode, "relu");
        Hyperparameters hyperparameters = node.optional("hyperparameters")
                .map(h -> h.hyperparameters("{alpha: 0.1}")).orElse(Hyperparameters.none());
        Optional<ConfigNode> initializerNode = node.optional("initializer");
        PluginId initializer = initializerNode.map(n -> pluginId(n, "glorot_uniform")).orElse(null);
        LayerSpec layer = new LayerSpec(width, activation, hyperparameters, null);
        resolve(activationNode, node.pathOf("hyperparameters"), hyperparameters,
                h -> Network.create(new NetworkSpec(1, List.of(new LayerSpec(width, activation, h, null))),
                        registry, seed),
                () -> acceptedActivationSettings(registry, activation));
        WeightPenalty penalty = penalty(node);
        double dropout = dropout(node);
        if (initializer == null) {
            return layer.withPenalty(penalty).withDropout(dropout);
        }
        LayerSpec withInitializer = layer.withInitializer(initializer, Hyperparameters.none());
        try {
            registry.initializer(initializer, Hyperparameters.none());
        } catch (InvalidConfigurationException | UnknownPluginException e) {
            ConfigNode at = initializerNode.orElseThrow();
            throw at.wrap(at.path(), new InvalidConfigurationException(e.getMessage() + " In a config file, set "
                    + at.path() + " to one of these, or leave it out for the activation's default.", e));
        }
        return withInitializer.withPenalty(penalty).withDropout(dropout);
    }

    /** The layer's optional {@code dropout} rate (default 0), in [0, 1). */
    private static double dropout(ConfigNode node) {
        Optional<ConfigNode> dropoutNode = node.optional("dropout");
        double rate = dropoutNode.map(n -> n.doubleValue("0.2")).orElse(0.0);
        if (!(rate >= 0 && rate < 1)) {
            ConfigNode at = dropoutNode.orElseThrow();
            throw at.wrap(at.path(), new InvalidConfigurationException("A dropout rate must lie in [0, 1) but was "
                    + rate + ": for example dropout: 0.2."));
        }
        return rate;
    }

    /** The layer's optional {@code l1} and {@code l2} weight penalties (default 0). */
    private static WeightPenalty penalty(ConfigNode node) {
        Optional<ConfigNode> l1Node = node.optional("l1");
        Optional<ConfigNode> l2Node = node.optional("l2");
        double l1 = l1Node.map(n -> n.doubleValue("0.0001")).orElse(0.0);
        double l2 = l2Node.map(n -> n.doubleValue("0.0001")).orElse(0.0);
        try {
            return new WeightPenalty(l1, l2);
        } catch (InvalidConfigurationException e) {
            ConfigNode at = l1 < 0 || !Double.isFinite(l1) ? l1Node.orElseThrow() : l2Node.orElseThrow();
            throw at.wrap(at.path(), e);
        }
    }

    private static Set<String> acceptedActivationSettings(PluginRegistry registry, PluginId activation) {
        try {
            return registry.activation(activation, Hyperparameters.none()).hyperparameters().names();
        } catch (UnknownPluginException e) {
            return Set.of();
        }
    }

    // ----- training -----------------------------------------------------------------------------

    private static TrainingConfig training(Optional<ConfigNode> maybeNode, ConfigNode root, PluginRegistry registry) {
        TrainingConfig.Builder builder = TrainingConfig.builder();
        if (maybeNode.isEmpty()) {
            TrainingConfig defaults = builder.build();
            String at = root.pathOf("training");
            checkDefault(root, at, () -> registry.loss(defaults.loss(), defaults.lossHyperparameters()));
            checkDefault(root, at, () -> registry.optimizer(defaults.optimizer(), defaults.optimizerHyperparameters()));
            return defaults;
        }
        ConfigNode node = maybeNode.get();
        node.requireMapping(TRAINING_KEYS, "training: {loss: mse, optimizer: sgd, epochs: 10}");
        Optional<ConfigNode> lossNode = node.optional("loss");
        if (lossNode.isPresent()) {
            PluginChoice loss = plugin(lossNode.get(), "categorical_cross_entropy",
                    "{id: huber, hyperparameters: {delta: 0.5}}");
            resolve(loss.idNode(), loss.hyperparametersPath(), loss.hyperparameters(),
                    h -> registry.loss(loss.id(), h),
                    () -> registry.loss(loss.id(), Hyperparameters.none()).hyperparameters().names());
            builder.loss(loss.id().value(), loss.hyperparameters());
        } else {
            checkDefault(node, node.pathOf("loss"), () -> registry.loss(PluginId.of("mse"), Hyperparameters.none()));
        }
        Optional<ConfigNode> optimizerNode = node.optional("optimizer");
        if (optimizerNode.isPresent()) {
            PluginChoice optimizer = plugin(optimizerNode.get(), "adam",
                    "{id: adam, hyperparameters: {learning_rate: 0.001}}");
            resolve(optimizer.idNode(), optimizer.hyperparametersPath(), optimizer.hyperparameters(),
                    h -> registry.optimizer(optimizer.id(), h),
                    () -> registry.optimizer(optimizer.id(), Hyperparameters.none()).hyperparameters().names());
            builder.optimizer(optimizer.id().value(), optimizer.hyperparameters());
        } else {
            checkDefault(node, node.pathOf("optimizer"),
                    () -> registry.optimizer(PluginId.of("sgd"), Hyperparameters.none()));
        }
        node.optional("epochs").ifPresent(n -> builder.epochs(n.intValue(1, "10")));
        node.optional("batch_size").ifPresent(n -> builder.batchSize(n.intValue(1, "32")));
        node.optional("shuffle").ifPresent(n -> builder.shuffle(n.booleanValue()));
        node.optional("seed").ifPresent(n -> builder.seed(n.longValue("42")));
        node.optional("threads").ifPresent(n -> builder.threads(n.intValue(1, "4")));
        node.optional("schedule").ifPresent(n -> builder.schedule(schedule(n)));
        node.optional("clipping").ifPresent(n -> builder.clipping(clipping(n)));
        return builder.build();
    }

    private static void checkDefault(ConfigNode node, String at, Supplier<Object> resolve) {
        try {
            resolve.get();
        } catch (UnknownPluginException e) {
            throw node.wrap(at, new UnknownPluginException("the default is used because the key is absent, but "
                    + e.getMessage() + " Or name an installed one in the config file.", e));
        }
    }

    /** A loss or optimizer as written: an id, or {@code {id, hyperparameters}}. */
    private record PluginChoice(PluginId id, ConfigNode idNode, Hyperparameters hyperparameters,
                                String hyperparametersPath) {
    }

    private static PluginChoice plugin(ConfigNode node, String idExample, String mappingExample) {
        if (node.isText()) {
            return new PluginChoice(pluginId(node, idExample), node, Hyperparameters.none(),
                    node.pathOf("hyperparameters"));
        }
        if (!node.isMapping()) {
            throw node.typeError("a plugin id as text, or a mapping with keys " + String.join(", ", PLUGIN_KEYS),
                    "write " + idExample + " or " + mappingExample);
        }
        node.requireMapping(PLUGIN_KEYS, mappingExample);
        ConfigNode idNode = node.required("id", "id: " + idExample);
        PluginId id = pluginId(idNode, idExample);
        Hyperparameters hyperparameters = node.optional("hyperparameters")
                .map(h -> h.hyperparameters(mappingExample)).orElse(Hyperparameters.none());
        return new PluginChoice(id, idNode, hyperparameters, node.pathOf("hyperparameters"));
    }

    private static PluginId pluginId(ConfigNode node, String example) {
        String text = node.textValue(example);
        try {
            return PluginId.of(text);
        } catch (InvalidPluginException e) {
            throw node.wrap(node.path(), e);
        }
    }

    /**
     * Resolves a plugin with {@code hyperparameters}, turning the registry's errors into config errors
     * at the id (unknown plugin) or at the offending setting (rejected hyperparameter).
     */
    private static void resolve(ConfigNode idNode, String hyperparametersPath, Hyperparameters hyperparameters,
                                Function<Hyperparameters, Object> resolve, Supplier<Set<String>> accepted) {
        try {
            resolve.apply(hyperparameters);
        } catch (UnknownPluginException e) {
            throw idNode.wrap(idNode.path(), e);
        } catch (InvalidHyperparameterException e) {
            Set<String> names = accepted.get();
            for (String name : hyperparameters.names()) {
                if (!names.contains(name)) {
                    String hint = ConfigNode.closest(name, List.copyOf(names))
                            .map(c -> " Did you mean '" + c + "'?").orElse("");
                    throw idNode.wrap(hyperparametersPath + "." + name, new InvalidHyperparameterException(
                            e.getMessage() + hint, e));
                }
            }
            for (String name : hyperparameters.names()) {
                try {
                    resolve.apply(Hyperparameters.of(name, hyperparameters.get(name, 0)));
                } catch (InvalidHyperparameterException single) {
                    throw idNode.wrap(hyperparametersPath + "." + name, e);
                }
            }
            throw idNode.wrap(hyperparametersPath, e);
        }
    }

    // ----- schedule and clipping ----------------------------------------------------------------

    private static LearningRateSchedule schedule(ConfigNode node) {
        String typeExample = "{type: cosine, minimum_fraction: 0.0}";
        if (node.isText()) {
            String type = scheduleType(node, typeExample);
            switch (type) {
                case "constant":
                    return LearningRateSchedule.constant();
                case "cosine":
                    return LearningRateSchedule.cosine(0.0);
                default:
                    throw node.typeError("a mapping with keys " + String.join(", ", scheduleKeys(type)),
                            "write it as a mapping, for example " + scheduleExample(type));
            }
        }
        if (!node.isMapping()) {
            throw node.typeError("a schedule mapping with a type (" + String.join(", ", SCHEDULE_TYPES) + ")",
                    "write it as a mapping, for example " + typeExample);
        }
        String type = scheduleType(node.required("type", "type: cosine"), typeExample);
        node.requireMapping(scheduleKeys(type), scheduleExample(type));
        switch (type) {
            case "constant":
                return LearningRateSchedule.constant();
            case "step": {
                int every = node.required("every_epochs", "every_epochs: 10").intValue(1, "10");
                ConfigNode factorNode = node.required("factor", "factor: 0.5");
                double factor = factorNode.doubleValue("0.5");
                try {
                    return LearningRateSchedule.step(every, factor);
                } catch (InvalidConfigurationException e) {
                    throw factorNode.error("a factor in (0, 1]", String.valueOf(factor),
                            "use for example 0.5 to halve the rate every " + every + " epochs");
                }
            }
            case "exponential": {
                ConfigNode decayNode = node.required("decay", "decay: 0.95");
                double decay = decayNode.doubleValue("0.95");
                try {
                    return LearningRateSchedule.exponential(decay);
                } catch (InvalidConfigurationException e) {
                    throw decayNode.error("a decay in (0, 1]", String.valueOf(decay), "use for example 0.95");
                }
            }
            case "cosine": {
                Optional<ConfigNode> fractionNode = node.optional("minimum_fraction");
                double fraction = fractionNode.map(n -> n.doubleValue("0.0")).orElse(0.0);
                try {
                    return LearningRateSchedule.cosine(fraction);
                } catch (InvalidConfigurationException e) {
                    throw fractionNode.orElseThrow().error("a fraction in [0, 1]", String.valueOf(fraction),
                            "use for example 0.0 to anneal to zero or 0.1 to end at a tenth of the rate");
                }
            }
            default: {
                int warmup = node.required("warmup_epochs", "warmup_epochs: 2").intValue(1, "2");
                LearningRateSchedule then = node.optional("then").map(ConfigFiles::schedule)
                        .orElse(LearningRateSchedule.constant());
                return LearningRateSchedule.linearWarmup(warmup, then);
            }
        }
    }

    private static String scheduleType(ConfigNode typeNode, String example) {
        String type = typeNode.textValue(example);
        if (!SCHEDULE_TYPES.contains(type)) {
            throw typeNode.error("a schedule type, one of " + String.join(", ", SCHEDULE_TYPES), "\"" + type + "\"",
                    ConfigNode.closest(type, SCHEDULE_TYPES).map(c -> "did you mean '" + c + "'? ").orElse("")
                            + "use one of the types listed");
        }
        return type;
    }

    private static List<String> scheduleKeys(String type) {
        switch (type) {
            case "step":
                return List.of("type", "every_epochs", "factor");
            case "exponential":
                return List.of("type", "decay");
            case "cosine":
                return List.of("type", "minimum_fraction");
            case "linear_warmup":
                return List.of("type", "warmup_epochs", "then");
            default:
                return List.of("type");
        }
    }

    private static String scheduleExample(String type) {
        switch (type) {
            case "step":
                return "{type: step, every_epochs: 10, factor: 0.5}";
            case "exponential":
                return "{type: exponential, decay: 0.95}";
            case "cosine":
                return "{type: cosine, minimum_fraction: 0.0}";
            case "linear_warmup":
                return "{type: linear_warmup, warmup_epochs: 2, then: {type: cosine}}";
            default:
                return "{type: constant}";
        }
    }

    private static GradientClipping clipping(ConfigNode node) {
        String example = "{by_norm: 1.0}";
        node.requireMapping(CLIPPING_KEYS, example);
        List<String> keys = node.keys();
        if (keys.size() != 1) {
            throw node.typeError("exactly one of " + String.join(", ", CLIPPING_KEYS),
                    "keep one, for example " + example + " or {by_value: 0.5}");
        }
        String mode = keys.get(0);
        ConfigNode limitNode = node.required(mode, mode + ": 1.0");
        double limit = limitNode.doubleValue("1.0");
        if (!(limit > 0)) {
            throw limitNode.error("a positive limit", String.valueOf(limit), "use for example 1.0");
        }
        return "by_norm".equals(mode) ? GradientClipping.byNorm(limit) : GradientClipping.byValue(limit);
    }
}
