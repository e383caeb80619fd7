package dev.backprop.io.config;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.network.GradientClipping;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The optional {@code training} section of a config file: the loss and optimizer (each an id or
 * {@code {id, hyperparameters}}, checked through the registry), the loop's settings, the schedule
 * ({@link ScheduleSection}) and gradient clipping. Reads it into a {@link TrainingConfig} and writes
 * one back. Every absent key takes the {@link TrainingConfig#builder()} default.
 */
final class TrainingSection {

    /** The keys of the section. */
    static final List<String> KEYS = List.of("loss", "optimizer", "epochs", "batch_size", "shuffle", "seed",
            "threads", "schedule", "clipping");
    /** The keys of {@code clipping}, of which exactly one is given. */
    static final List<String> CLIPPING_KEYS = List.of("by_norm", "by_value");

    /** The most worker threads a config file may ask for; the run clamps them to what the machine allows. */
    static final int MAX_THREADS = 65_536;

    private static final String EXAMPLE = "training: {loss: mse, optimizer: sgd, epochs: 10}";
    private static final String CLIPPING_EXAMPLE = "{by_norm: 1.0}";

    private TrainingSection() {
    }

    /**
     * Reads and checks the section, or the defaults when it is absent.
     *
     * @param node the section, if present
     * @param root the file's root, where errors about an absent section are reported
     */
    static TrainingConfig read(Optional<ConfigNode> node, ConfigNode root, PluginRegistry registry) {
        TrainingConfig.Builder builder = TrainingConfig.builder();
        if (node.isEmpty()) {
            TrainingConfig defaults = builder.build();
            String at = root.pathOf("training");
            checkDefault(root, at, () -> registry.loss(defaults.loss(), defaults.lossHyperparameters()));
            checkDefault(root, at, () -> registry.optimizer(defaults.optimizer(), defaults.optimizerHyperparameters()));
            return defaults;
        }
        ConfigNode section = node.get();
        section.requireMapping(KEYS, EXAMPLE);
        Optional<ConfigNode> lossNode = section.optional("loss");
        if (lossNode.isPresent()) {
            PluginReference loss = PluginReference.read(lossNode.get(), "categorical_cross_entropy",
                    "{id: huber, hyperparameters: {delta: 0.5}}");
            loss.resolve(h -> registry.loss(loss.id(), h),
                    () -> registry.loss(loss.id(), Hyperparameters.none()).hyperparameters().names(), "");
            builder.loss(loss.id().value(), loss.hyperparameters());
        } else {
            checkDefault(section, section.pathOf("loss"),
                    () -> registry.loss(PluginId.of("mse"), Hyperparameters.none()));
        }
        Optional<ConfigNode> optimizerNode = section.optional("optimizer");
        if (optimizerNode.isPresent()) {
            PluginReference optimizer = PluginReference.read(optimizerNode.get(), "adam",
                    "{id: adam, hyperparameters: {learning_rate: 0.001}}");
            optimizer.resolve(h -> registry.optimizer(optimizer.id(), h),
                    () -> registry.optimizer(optimizer.id(), Hyperparameters.none()).hyperparameters().names(), "");
            builder.optimizer(optimizer.id().value(), optimizer.hyperparameters());
        } else {
            checkDefault(section, section.pathOf("optimizer"),
                    () -> registry.optimizer(PluginId.of("sgd"), Hyperparameters.none()));
        }
        section.optional("epochs").ifPresent(n -> builder.epochs(n.intValue(1, "10")));
        section.optional("batch_size").ifPresent(n -> builder.batchSize(n.intValue(1, "32")));
        section.optional("shuffle").ifPresent(n -> builder.shuffle(n.booleanValue()));
        section.optional("seed").ifPresent(n -> builder.seed(n.longValue("42")));
        section.optional("threads").ifPresent(n -> builder.threads(
                TrainingSettings.threadsCappedForThisMachine(n.intValue(1, MAX_THREADS, "4"))));
        section.optional("schedule").ifPresent(n -> builder.schedule(ScheduleSection.read(n)));
        section.optional("clipping").ifPresent(n -> builder.clipping(readClipping(n)));
        return builder.build();
    }

    /**
     * {@code config} as the section is written, every key explicit.
     *
     * @throws IllegalArgumentException if its schedule is a class of the user's own
     */
    static ObjectNode write(TrainingConfig config) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("loss", PluginReference.write(config.loss(), config.lossHyperparameters()));
        node.set("optimizer", PluginReference.write(config.optimizer(), config.optimizerHyperparameters()));
        node.put("epochs", config.epochs());
        node.put("batch_size", config.batchSize());
        node.put("shuffle", config.shuffle());
        node.put("seed", config.seed());
        node.put("threads", config.threads());
        node.set("schedule", ScheduleSection.write(config.schedule()));
        GradientClipping clipping = config.clipping();
        if (clipping.mode() != GradientClipping.Mode.NONE) {
            node.putObject("clipping").put(clipping.mode() == GradientClipping.Mode.BY_NORM ? "by_norm" : "by_value",
                    clipping.limit());
        }
        return node;
    }

    private static void checkDefault(ConfigNode node, String at, Supplier<Object> resolve) {
        try {
            resolve.get();
        } catch (UnknownPluginException e) {
            throw node.wrap(at, new UnknownPluginException("the default is used because the key is absent, but "
                    + e.getMessage() + " Or name an installed one in the config file.", e));
        }
    }

    private static GradientClipping readClipping(ConfigNode node) {
        node.requireMapping(CLIPPING_KEYS, CLIPPING_EXAMPLE);
        List<String> keys = node.keys();
        if (keys.size() != 1) {
            throw node.typeError("exactly one of " + String.join(", ", CLIPPING_KEYS),
                    "keep one, for example " + CLIPPING_EXAMPLE + " or {by_value: 0.5}");
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
