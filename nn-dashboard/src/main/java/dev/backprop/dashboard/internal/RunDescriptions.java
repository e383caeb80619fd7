package dev.backprop.dashboard.internal;

import dev.backprop.api.Hyperparameters;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.train.TrainingConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The page's description of a run ({@link Views.RunInfo}) from the network and its configuration. */
public final class RunDescriptions {

    private RunDescriptions() {
    }

    /** A run that starts training now on {@code examples} examples per epoch. */
    public static Views.RunInfo training(Network network, TrainingConfig config, int examples) {
        return new Views.RunInfo("training", config.loss().value(), config.optimizer().value(),
                settings(config.optimizerHyperparameters()), config.epochs(), config.batchSize(), examples,
                layers(network), network.spec().parameterCount(), Instant.now().toString());
    }

    /** A finished run read from a model file; {@code config} may be null when the file holds none. */
    public static Views.RunInfo modelFile(Network network, TrainingConfig config, int epochs) {
        return new Views.RunInfo("model file", config == null ? null : config.loss().value(),
                config == null ? null : config.optimizer().value(),
                config == null ? Map.of() : settings(config.optimizerHyperparameters()),
                config == null ? epochs : config.epochs(), config == null ? null : config.batchSize(), null,
                layers(network), network.spec().parameterCount(), null);
    }

    private static Map<String, String> settings(Hyperparameters hyperparameters) {
        Map<String, String> text = new LinkedHashMap<>();
        hyperparameters.asMap().forEach((name, value) -> text.put(name, String.valueOf(value)));
        return text;
    }

    /** Each dense layer: name, activation, fan-in and width. */
    public static List<Views.LayerInfo> layers(Network network) {
        NetworkSpec spec = network.spec();
        List<Views.LayerInfo> layers = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            layers.add(new Views.LayerInfo("dense_" + (i + 1), layer.activation().value(), spec.fanIn(i),
                    layer.width()));
        }
        return layers;
    }
}
