package dev.backprop.examples.options;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.io.config.ConfigFiles;
import dev.backprop.io.config.RunConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}: a run configuration file (JSON or YAML, read by nn-io's {@link ConfigFiles},
 * described in docs/config-files.md). The training commands take the whole run from it (network,
 * loss, optimizer, epochs, batch size, schedule...), and an option given explicitly on the command
 * line overrides its one value ({@link RunOverrides}); {@code summary} and {@code diagram} show its
 * architecture.
 */
public final class ConfigFileOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "A run configuration file (.json, .yaml or .yml, see docs/config-files.md). Training"
                    + " commands take the whole run from it, and options given explicitly override single values"
                    + " (--epochs 3 trains 3 epochs); summary and diagram show its architecture (no weights).")
    Path file;

    /** The file, if given. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The run in the file, if one was given, after checking that its network fits the data.
     *
     * @param registry the plugins its ids are resolved through
     * @param inputs   the features per example of the data
     * @param outputs  the outputs the command needs (its classes, or 1 for a regression)
     * @param data     the data, as the messages name it
     * @throws InvalidConfigurationException if the network's input or output width does not fit
     * @throws dev.backprop.io.config.ConfigFileException if the file cannot be read or is not a valid run
     */
    public Optional<RunConfig> load(PluginRegistry registry, int inputs, int outputs, String data) {
        if (file == null) {
            return Optional.empty();
        }
        RunConfig run = ConfigFiles.load(file, registry);
        NetworkSpec network = run.network();
        if (network.inputWidth() != inputs) {
            throw new InvalidConfigurationException("--config " + file + " describes a network of "
                    + network.inputWidth() + " inputs, but " + data + " has " + inputs + " features per example: set"
                    + " network.input to " + inputs + " in " + file + ".");
        }
        if (network.outputWidth() != outputs) {
            throw new InvalidConfigurationException("--config " + file + " describes a network of "
                    + network.outputWidth() + " outputs, but " + data + " needs " + outputs + ": set the width of the"
                    + " last layer in network.layers to " + outputs + " in " + file + ".");
        }
        return Optional.of(run);
    }
}
