package dev.backprop.io.config;

import dev.backprop.api.BackpropException;
import java.nio.file.Path;

/**
 * A run configuration file could not be loaded: it is missing, has an unsupported extension, is not
 * well-formed JSON or YAML, has an unknown, missing or mistyped key, names a plugin that is not
 * installed, or gives a plugin a setting it rejects. Every message names the file and the path of the
 * offending key inside it ({@code network.layers[2].width}), says what was expected and what was found,
 * and how to fix it.
 */
public class ConfigFileException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** The file, as given to {@link ConfigFiles#load}. */
    private final transient Path file;
    /** The path of the key inside the file, empty for the file as a whole. */
    private final String location;

    /**
     * @param file     the configuration file
     * @param location the path of the offending key inside the file, empty for the file as a whole
     * @param message  what was expected, what was found and how to fix it, naming the file and location
     */
    public ConfigFileException(Path file, String location, String message) {
        super(message);
        this.file = file;
        this.location = location;
    }

    /**
     * @param file     the configuration file
     * @param location the path of the offending key inside the file, empty for the file as a whole
     * @param message  what was expected, what was found and how to fix it, naming the file and location
     * @param cause    the underlying failure
     */
    public ConfigFileException(Path file, String location, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.location = location;
    }

    /** The configuration file. */
    public Path file() {
        return file;
    }

    /** The path of the offending key inside the file ({@code training.epochs}), empty for the whole file. */
    public String location() {
        return location;
    }
}
