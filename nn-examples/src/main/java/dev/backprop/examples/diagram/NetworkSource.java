package dev.backprop.examples.diagram;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.config.ConfigFiles;
import dev.backprop.io.model.ModelFiles;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model FILE} or {@code --config FILE}, exactly one: the network that {@code summary} and {@code diagram} show. */
public final class NetworkSource {

    @Option(names = "--model", paramLabel = "FILE",
            description = "A saved model (.bpnn): the architecture and its trained weights.")
    Path model;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A run configuration (.json, .yaml): the architecture only, no weights.")
    Path config;

    /**
     * Reads the one file given.
     *
     * @param command  the command's name, for the messages
     * @param registry the plugins that resolve the activations
     * @throws InvalidConfigurationException if both or neither of {@code --model} and {@code --config} were given
     */
    SourceNetwork open(String command, PluginRegistry registry) {
        if ((model == null) == (config == null)) {
            throw new InvalidConfigurationException(command + " shows one network and expects exactly one of --model FILE"
                    + " (a saved .bpnn model) or --config FILE (a .json/.yaml run configuration), but was given "
                    + (model == null ? "neither" : "both") + ": give one, e.g. ./backprop " + command + " --model x.bpnn.");
        }
        if (model != null) {
            return SourceNetwork.ofModel(model, ModelFiles.load(model, registry));
        }
        return SourceNetwork.ofConfig(config, ConfigFiles.load(config, registry).network());
    }
}
