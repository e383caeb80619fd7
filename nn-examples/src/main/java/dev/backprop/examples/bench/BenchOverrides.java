package dev.backprop.examples.bench;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.examples.options.PluginSettings;
import java.util.List;

/**
 * The settings given explicitly on the command line; {@code null} where an option was left out.
 * {@link #resolve} lays them over a {@link PeerConfig}.
 *
 * @param layers        {@code --layers}
 * @param activation    {@code --activation}
 * @param loss          {@code --loss}
 * @param optimizer     {@code --optimizer}
 * @param learningRate  {@code --learning-rate}
 * @param batch         {@code --batch}
 * @param epochs        {@code --epochs}
 * @param accuracyAfter {@code --acc-after}
 * @param seed          {@code --seed}
 * @param pluginSettings {@code --activation-setting}, {@code --loss-setting} and {@code --optimizer-setting}
 *                      (none given when empty: no config sets any)
 */
record BenchOverrides(List<Integer> layers, String activation, String loss, String optimizer, Double learningRate,
                      Integer batch, Integer epochs, Integer accuracyAfter, Long seed,
                      PluginSettings pluginSettings) {

    /** The config used when {@code --peer-config} is not given; its runs are called "custom". */
    static final PeerConfig DEFAULTS = PeerConfig.C2;
    /** The name of a run without {@code --peer-config}. */
    static final String CUSTOM = "custom";
    /** The seed unless {@code --seed} says otherwise. */
    static final long DEFAULT_SEED = 42;

    /** No option given. */
    static BenchOverrides none() {
        return new BenchOverrides(null, null, null, null, null, null, null, null, null, PluginSettings.NONE);
    }

    /**
     * The settings of {@code config} (or of {@link #DEFAULTS}, named {@value #CUSTOM}, when it is
     * {@code null}) with every given option replacing the config's value.
     *
     * @throws InvalidConfigurationException if the result is invalid (see {@link BenchSettings})
     */
    BenchSettings resolve(PeerConfig config) {
        PeerConfig base = config == null ? DEFAULTS : config;
        String resolvedOptimizer = optimizer != null ? optimizer : base.optimizer();
        int resolvedEpochs = epochs != null ? epochs : base.epochs();
        int resolvedAccuracyAfter = accuracyAfter != null ? accuracyAfter
                : base.accuracyAfter() == 0 ? resolvedEpochs : Math.min(base.accuracyAfter(), resolvedEpochs);
        return new BenchSettings(config == null ? CUSTOM : config.name(),
                layers != null ? layers : base.layers(),
                activation != null ? activation : base.activation(),
                loss != null ? loss : base.loss(),
                resolvedOptimizer,
                learningRate != null ? learningRate : base.learningRate(),
                batch != null ? batch : base.batch(),
                resolvedEpochs,
                resolvedAccuracyAfter,
                seed != null ? seed : DEFAULT_SEED,
                pluginSettings);
    }
}
