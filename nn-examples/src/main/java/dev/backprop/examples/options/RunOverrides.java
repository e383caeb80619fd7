package dev.backprop.examples.options;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.train.LearningRateSchedule;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingSettings;
import dev.backprop.io.config.RunConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The options typed on the command line, laid over a run read from {@code --config FILE}: each option
 * given explicitly replaces its one value and everything else stays as the file says.
 * <ul>
 * <li>{@code --hidden} replaces the hidden layers' widths (each new layer is like the file's hidden
 *     layer at its place, or its last one);</li>
 * <li>{@code --activation} sets every hidden layer's activation, {@code --activation-setting} adds a
 *     setting to it; {@code --output}, {@code --dropout} and {@code --init} set the output layer's
 *     activation, every hidden layer's dropout and every layer's initialiser;</li>
 * <li>{@code --loss}, {@code --optimizer} replace the plugin with the settings typed;
 *     {@code --loss-setting}, {@code --learning-rate} and {@code --optimizer-setting} alone change one
 *     setting of the file's plugin;</li>
 * <li>{@code --epochs}, {@code --batch}, {@code --threads} and {@code --schedule} their value;
 *     {@code --seed} both seeds (the weights' and the shuffling's).</li>
 * </ul>
 * Immutable.
 */
public final class RunOverrides {

    private final ExplicitOptions explicit;
    private final HiddenLayersOption hidden;
    private final PluginChoices plugins;
    private final TrainingLoopOptions loop;
    private final NetworkExtras extras;

    /**
     * The values of options that only some commands take, null when not given.
     *
     * @param output   the output layer's activation ({@code --output})
     * @param dropout  every hidden layer's dropout ({@code --dropout})
     * @param schedule the learning-rate schedule ({@code --schedule})
     */
    public record NetworkExtras(String output, Double dropout, LearningRateSchedule schedule) {
        /** None of them given. */
        public static final NetworkExtras NONE = new NetworkExtras(null, null, null);
    }

    /**
     * @param explicit which options were typed
     * @param hidden   {@code --hidden}
     * @param plugins  the plugin choices
     * @param loop     {@code --epochs}, {@code --batch}, {@code --seed}, {@code --threads}
     * @param extras   the command's own options, null where not given
     */
    public RunOverrides(ExplicitOptions explicit, HiddenLayersOption hidden, PluginChoices plugins,
                        TrainingLoopOptions loop, NetworkExtras extras) {
        this.explicit = explicit;
        this.hidden = hidden;
        this.plugins = plugins;
        this.loop = loop;
        this.extras = extras;
    }

    /** {@code base} with every explicitly given option applied. */
    public RunConfig applyTo(RunConfig base) {
        long seed = explicit.given("--seed") ? loop.seed() : base.networkSeed();
        return new RunConfig(network(base.network()), seed, training(base.training()));
    }

    private NetworkSpec network(NetworkSpec base) {
        List<LayerSpec> hiddenLayers = new ArrayList<>(base.layers().subList(0, base.layers().size() - 1));
        LayerSpec output = base.layers().get(base.layers().size() - 1);
        if (explicit.given("--hidden")) {
            hiddenLayers = resized(hiddenLayers, hidden.widths());
        }
        if (explicit.given("--activation")) {
            PluginId id = PluginId.of(plugins.activation());
            hiddenLayers = each(hiddenLayers, l -> layer(l, l.width(), id, plugins.activationSettings()));
        } else if (explicit.given("--activation-setting")) {
            hiddenLayers = each(hiddenLayers, l -> layer(l, l.width(), l.activation(),
                    l.activationHyperparameters().withAll(plugins.activationSettings())));
        }
        if (extras.dropout() != null) {
            hiddenLayers = each(hiddenLayers, l -> l.withDropout(extras.dropout()));
        }
        if (extras.output() != null) {
            output = layer(output, output.width(), PluginId.of(extras.output()), Hyperparameters.none());
        }
        List<LayerSpec> layers = new ArrayList<>(hiddenLayers);
        layers.add(output);
        if (plugins.init().isPresent()) {
            PluginSpec init = plugins.init().get();
            layers = each(layers, l -> l.withInitializer(PluginId.of(init.id()), init.settings()));
        }
        return new NetworkSpec(base.inputWidth(), layers);
    }

    /** Layers of {@code widths}, each like the base's hidden layer at its place (or its last; or the default activation). */
    private List<LayerSpec> resized(List<LayerSpec> base, List<Integer> widths) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < widths.size(); i++) {
            if (base.isEmpty()) {
                layers.add(new LayerSpec(widths.get(i), PluginId.of(plugins.activation()), plugins.activationSettings(),
                        null));
            } else {
                LayerSpec like = base.get(Math.min(i, base.size() - 1));
                layers.add(layer(like, widths.get(i), like.activation(), like.activationHyperparameters()));
            }
        }
        return layers;
    }

    private TrainingConfig training(TrainingConfig base) {
        PluginId loss = base.loss();
        Hyperparameters lossSettings = base.lossHyperparameters();
        if (explicit.given("--loss")) {
            loss = PluginId.of(plugins.loss());
            lossSettings = plugins.lossSettings();
        } else if (explicit.given("--loss-setting")) {
            lossSettings = lossSettings.withAll(plugins.lossSettings());
        }
        PluginId optimizer = base.optimizer();
        Hyperparameters optimizerSettings = base.optimizerHyperparameters();
        if (explicit.given("--optimizer")) {
            optimizer = PluginId.of(plugins.optimizer());
            optimizerSettings = Hyperparameters.none();
        }
        if (explicit.given("--learning-rate")) {
            optimizerSettings = optimizerSettings.with(Optimizer.LEARNING_RATE, plugins.learningRate());
        }
        optimizerSettings = optimizerSettings.withAll(plugins.optimizerSettings());
        TrainingSettings.Builder settings = base.settings().toBuilder();
        if (explicit.given("--epochs")) {
            settings.epochs(loop.epochs());
        }
        if (explicit.given("--batch")) {
            settings.batchSize(loop.batch());
        }
        if (explicit.given("--seed")) {
            settings.seed(loop.seed());
        }
        if (explicit.given("--threads")) {
            settings.threads(loop.threads());
        }
        if (extras.schedule() != null) {
            settings.schedule(extras.schedule());
        }
        return new TrainingConfig(loss, lossSettings, optimizer, optimizerSettings, settings.build());
    }

    private static LayerSpec layer(LayerSpec like, int width, PluginId activation, Hyperparameters settings) {
        return new LayerSpec(width, activation, settings, like.initializer(), like.initializerHyperparameters(),
                like.penalty(), like.dropout());
    }

    private static List<LayerSpec> each(List<LayerSpec> layers, UnaryOperator<LayerSpec> change) {
        return layers.stream().map(change).toList();
    }
}
