package dev.backprop.examples.diagram;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.config.ConfigFiles;
import dev.backprop.io.model.ModelFiles;
import java.nio.file.Path;
import dev.backprop.examples.options.ConfigFileOption;
import dev.backprop.examples.options.ModelOption;
import picocli.CommandLine.Mixin;

/** {@code --model FILE} or {@code --config FILE}, exactly one: the network that {@code summary} and {@code diagram} show. */
public final class NetworkSource {

    @Mixin
    private ModelOption model;

    @Mixin
    private ConfigFileOption configFile;

    /**
     * Reads the one file given.
     *
     * @param command  the command's name, for the messages
     * @param registry the plugins that resolve the activations
     * @throws InvalidConfigurationException if both or neither of {@code --model} and {@code --config} were given
     */
    SourceNetwork open(String command, PluginRegistry registry) {
        Path modelFile = model.file();
        Path config = configFile.file().orElse(null);
        if ((modelFile == null) == (config == null)) {
            throw new InvalidConfigurationException(command + " shows one network and expects exactly one of --model FILE"
                    + " (a saved .bpnn model) or --config FILE (a .json/.yaml run configuration), but was given "
                    + (modelFile == null ? "neither" : "both") + ": give one, e.g. ./backprop " + command + " --model x.bpnn.");
        }
        if (modelFile != null) {
            return SourceNetwork.ofModel(modelFile, ModelFiles.load(modelFile, registry));
        }
        return SourceNetwork.ofConfig(config, ConfigFiles.load(config, registry).network());
    }
}
