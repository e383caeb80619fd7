package dev.backprop.examples.options;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.optimizer.Optimizer;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The plugins a training command uses, by id, and their settings: {@code --activation}, {@code --loss},
 * {@code --optimizer}, {@code --learning-rate} and the repeatable {@code --activation-setting},
 * {@code --loss-setting} and {@code --optimizer-setting NAME=VALUE}, whose VALUE is a number, a switch
 * ({@code true}/{@code false}) or text ({@link SettingValue}). Each command gives the defaults.
 */
public final class PluginChoices {

    private static final String SETTING_VALUES = " Repeatable; VALUE is true or false (a switch), a number, or text.";

    @Option(names = "--activation", paramLabel = "ID",
            description = "Hidden layers' activation: a built-in id such as relu, or a plugin's, such as example.swish"
                    + " with --plugins nn-examples-plugin/target (the plugins command lists them all, with their"
                    + " settings).")
    String activation;

    @Option(names = "--loss", paramLabel = "ID",
            description = "Loss id, such as mse or categorical_cross_entropy.")
    String loss;

    @Option(names = "--optimizer", paramLabel = "ID",
            description = "Optimizer id, such as sgd, momentum or adam.")
    String optimizer;

    @Option(names = "--learning-rate", paramLabel = "RATE",
            description = "The optimizer's (initial) learning rate, its learning_rate setting.")
    Double learningRate;

    @Option(names = "--activation-setting", paramLabel = "NAME=VALUE",
            converter = {SettingValue.Name.class, SettingValue.class},
            description = "A setting of the hidden layers' activation, such as alpha=0.1." + SETTING_VALUES)
    Map<String, Object> activationSettings;

    @Option(names = "--loss-setting", paramLabel = "NAME=VALUE",
            converter = {SettingValue.Name.class, SettingValue.class},
            description = "A setting of the loss, such as delta=0.5." + SETTING_VALUES)
    Map<String, Object> lossSettings;

    @Option(names = "--optimizer-setting", paramLabel = "NAME=VALUE",
            converter = {SettingValue.Name.class, SettingValue.class},
            description = "A setting of the optimizer, such as momentum=0.9 or amsgrad=true, applied after"
                    + " --learning-rate." + SETTING_VALUES)
    Map<String, Object> optimizerSettings;

    /** The hidden layers' activation id. */
    public String activation() {
        return activation;
    }

    /** The loss id. */
    public String loss() {
        return loss;
    }

    /** The optimizer id. */
    public String optimizer() {
        return optimizer;
    }

    /** The learning rate. */
    public double learningRate() {
        return learningRate;
    }

    /** The {@code --activation-setting}s. */
    public Hyperparameters activationSettings() {
        return settings(activationSettings);
    }

    /** The {@code --loss-setting}s. */
    public Hyperparameters lossSettings() {
        return settings(lossSettings);
    }

    /** The {@code --optimizer-setting}s, without the learning rate. */
    public Hyperparameters optimizerSettings() {
        return settings(optimizerSettings);
    }

    /** The three {@code --*-setting} options' settings. */
    public PluginSettings settings() {
        return new PluginSettings(activationSettings(), lossSettings(), optimizerSettings());
    }

    /** {@code learning_rate} set to {@code rate}, then the {@code --optimizer-setting}s. */
    public Hyperparameters optimizerHyperparameters(double rate) {
        return Hyperparameters.of(Optimizer.LEARNING_RATE, rate).withAll(optimizerSettings());
    }

    /** {@code learning_rate} from {@code --learning-rate}, then the {@code --optimizer-setting}s. */
    public Hyperparameters optimizerHyperparameters() {
        return optimizerHyperparameters(learningRate());
    }

    private static Hyperparameters settings(Map<String, Object> given) {
        return given == null ? Hyperparameters.none() : Hyperparameters.of(given);
    }
}
