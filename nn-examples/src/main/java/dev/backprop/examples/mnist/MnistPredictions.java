package dev.backprop.examples.mnist;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.PluginId;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.network.Network;
import dev.backprop.io.model.LoadedModel;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** Checks and facts about a saved model that {@code mnist evaluate} and {@code mnist predict} share. */
final class MnistPredictions {

    private MnistPredictions() {
    }

    /** Fails clearly when the model does not take the data's images or does not give one output per class. */
    static void requireInputs(Network network, Dataset test, SavedModelOptions options) {
        if (network.inputWidth() != test.featureWidth()) {
            throw new ShapeMismatchException("The model " + options.model() + " takes " + network.inputWidth()
                    + " inputs but the images in " + options.data() + " have " + test.featureWidth() + " pixels: use a"
                    + " model trained on images of this size.", network.inputWidth(), test.featureWidth());
        }
        if (network.outputWidth() != test.targetWidth()) {
            throw new ShapeMismatchException("The model " + options.model() + " gives " + network.outputWidth()
                    + " outputs but the data has " + test.targetWidth() + " classes: use a model trained for them.",
                    test.targetWidth(), network.outputWidth());
        }
    }

    /**
     * Fails when training options were given to {@code mnist} before this subcommand
     * ({@code mnist --epochs 5 evaluate}): they would be silently ignored.
     */
    static void requireNoTrainingOptions(CommandSpec spec) {
        ParseResult parent = spec.parent().commandLine().getParseResult();
        List<String> given = parent.matchedOptions().stream()
                .filter(option -> option.scopeType() != ScopeType.INHERIT)
                .map(OptionSpec::longestName).toList();
        if (!given.isEmpty()) {
            throw new InvalidConfigurationException("'mnist " + spec.name() + "' takes its own"
                    + " options after its name, but " + String.join(", ", given) + " came before it, where only"
                    + " training reads them: write 'mnist " + spec.name() + " --model FILE --data DIR ...'.");
        }
    }

    /** The loss the model was trained with (its id and settings), or categorical cross-entropy if not saved. */
    static LossChoice loss(LoadedModel model) {
        return model.config().map(config -> new LossChoice(config.loss(), config.lossHyperparameters()))
                .orElse(new LossChoice(PluginId.of("categorical_cross_entropy"), Hyperparameters.none()));
    }

    /**
     * A loss by id with its settings.
     *
     * @param id              the loss id
     * @param hyperparameters its settings
     */
    record LossChoice(PluginId id, Hyperparameters hyperparameters) {
    }
}
