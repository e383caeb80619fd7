package dev.backprop.examples.options;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.network.NetworkBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The plugins a training command uses and their settings, in one grammar ({@link PluginSpec},
 * {@code ID[:NAME=VALUE,...]}): {@code --activation}, {@code --loss}, {@code --optimizer} and
 * {@code --init}; {@code --learning-rate}; and the repeatable aliases {@code --activation-setting},
 * {@code --loss-setting} and {@code --optimizer-setting NAME=VALUE}, which add one setting each as if
 * written after the colon. The grammar is explained once, in the usage help's footer
 * ({@link #SETTINGS_HELP}). Each command gives the defaults.
 */
public final class PluginChoices {

    /** The footer of every training command's usage help: the one description of the settings grammar. */
    public static final String[] SETTINGS_HELP = {
        "%nPlugin settings, one grammar for --activation, --loss, --optimizer and --init:",
        "  ID[:NAME=VALUE,NAME=VALUE...], such as --optimizer adam:beta1=0.95,",
        "  --loss huber:delta=0.5 or --activation thirdparty.scaled_tanh:a=1.5,b=0.5",
        "  (with --plugins DIR). A VALUE is a number (0.5, -2, 1e-3), a switch (true or",
        "  false) or text (sum_over_outputs). Quote text that holds a comma, or that",
        "  must stay text although it reads as a number or a switch: mode=\"a,b\",",
        "  inside the shell's own quotes: --loss 'x.y:mode=\"a,b\"'. Give each NAME once;",
        "  ./backprop plugins lists every plugin's settings, defaults and ranges.",
        "  --activation-setting, --loss-setting and --optimizer-setting NAME=VALUE",
        "  (repeatable) add one setting each, as if written after the colon."};

    private static final String ALIAS = " (repeatable), as if written after the colon of ";

    @Option(names = "--activation", paramLabel = "ID[:SETTINGS]", converter = PluginSpec.Converter.class,
            description = "Hidden layers' activation: a built-in id such as relu or leaky_relu:alpha=0.1, or a"
                    + " plugin's, such as example.swish with --plugins nn-examples-plugin/target.")
    PluginSpec activation;

    @Option(names = "--loss", paramLabel = "ID[:SETTINGS]", converter = PluginSpec.Converter.class,
            description = "Loss, such as mse, categorical_cross_entropy or huber:delta=0.5.")
    PluginSpec loss;

    @Option(names = "--optimizer", paramLabel = "ID[:SETTINGS]", converter = PluginSpec.Converter.class,
            description = "Optimizer, such as sgd, momentum:momentum=0.5 or adam:beta1=0.95.")
    PluginSpec optimizer;

    @Option(names = "--init", paramLabel = "ID[:SETTINGS]", converter = PluginSpec.Converter.class,
            description = "Weight initialiser of every layer, such as he_normal or constant:value=0.1 (default:"
                    + " each layer's own, chosen for its activation).")
    PluginSpec init;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "The optimizer's (initial) learning rate, its learning_rate setting.")
    Double learningRate;

    @Option(names = "--activation-setting", paramLabel = "NAME=VALUE",
            converter = {SettingValue.Name.class, SettingValue.class},
            description = "One setting of the activation" + ALIAS + "--activation.")
    Map<String, Object> activationSettings;

    @Option(names = "--loss-setting", paramLabel = "NAME=VALUE",
            converter = {SettingValue.Name.class, SettingValue.class},
            description = "One setting of the loss" + ALIAS + "--loss.")
    Map<String, Object> lossSettings;

    @Option(names = "--optimizer-setting", paramLabel = "NAME=VALUE",
            converter = {SettingValue.Name.class, SettingValue.class},
            description = "One setting of the optimizer" + ALIAS + "--optimizer; applied after --learning-rate.")
    Map<String, Object> optimizerSettings;

    /** The hidden layers' activation id. */
    public String activation() {
        return activation.id();
    }

    /** The loss id. */
    public String loss() {
        return loss.id();
    }

    /** The optimizer id. */
    public String optimizer() {
        return optimizer.id();
    }

    /** The weight initialiser of every layer, with its settings, if {@code --init} was given. */
    public Optional<PluginSpec> init() {
        return Optional.ofNullable(init);
    }

    /** The learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** The activation's settings: those after its colon, then the {@code --activation-setting}s. */
    public Hyperparameters activationSettings() {
        return merged("--activation", activation, activationSettings);
    }

    /** The loss's settings: those after its colon, then the {@code --loss-setting}s. */
    public Hyperparameters lossSettings() {
        return merged("--loss", loss, lossSettings);
    }

    /** The optimizer's settings, without the learning rate: those after its colon, then the {@code --optimizer-setting}s. */
    public Hyperparameters optimizerSettings() {
        return merged("--optimizer", optimizer, optimizerSettings);
    }

    /** The settings of the three plugins. */
    public PluginSettings settings() {
        return new PluginSettings(activationSettings(), lossSettings(), optimizerSettings());
    }

    /** {@code learning_rate} set to {@code rate}, then the optimizer's settings. */
    public Hyperparameters optimizerHyperparameters(double rate) {
        return Hyperparameters.of(Optimizer.LEARNING_RATE, rate).withAll(optimizerSettings());
    }

    /** {@code learning_rate} from {@code --learning-rate}, then the optimizer's settings. */
    public Hyperparameters optimizerHyperparameters() {
        return optimizerHyperparameters(learningRate());
    }

    /** Adds a dense layer with the activation {@code id} and its settings, and {@code --init}'s initialiser if given. */
    public NetworkBuilder dense(NetworkBuilder builder, int width, String id, Hyperparameters settings) {
        builder.dense(width, id, settings);
        return init == null ? builder : builder.withInitializer(init.id(), init.settings());
    }

    /** Adds a hidden layer of each width with {@code --activation} (and {@code --init}). */
    public NetworkBuilder hiddenLayers(NetworkBuilder builder, List<Integer> widths) {
        widths.forEach(width -> dense(builder, width, activation(), activationSettings()));
        return builder;
    }

    /**
     * Checks every setting name typed against the names its plugin declares, with the closest one for a
     * misspelt name; values are checked by the plugins when the run resolves them.
     *
     * @throws InvalidConfigurationException for a name the plugin does not take, or one given twice
     */
    public void check(PluginRegistry registry) {
        SettingNames.check("--activation", PluginKind.ACTIVATION, activation.id(), activationSettings(), registry);
        SettingNames.check("--loss", PluginKind.LOSS, loss.id(), lossSettings(), registry);
        SettingNames.check("--optimizer", PluginKind.OPTIMIZER, optimizer.id(), optimizerSettings(), registry);
        if (init != null) {
            SettingNames.check("--init", PluginKind.INITIALIZER, init.id(), init.settings(), registry);
        }
    }

    /** {@code spec}'s settings with the alias option's laid over; a name in both is refused. */
    private static Hyperparameters merged(String option, PluginSpec spec, Map<String, Object> alias) {
        Hyperparameters typed = spec == null ? Hyperparameters.none() : spec.settings();
        if (alias == null || alias.isEmpty()) {
            return typed;
        }
        for (String name : alias.keySet()) {
            if (typed.asMap().containsKey(name)) {
                throw new InvalidConfigurationException(option + " " + spec + " and " + option + "-setting " + name + "="
                        + alias.get(name) + " both set '" + name + "': give it once, either after the colon or with "
                        + option + "-setting.");
            }
        }
        return typed.withAll(Hyperparameters.of(alias));
    }
}
