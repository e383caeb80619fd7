package dev.backprop.io.model;

import dev.backprop.api.BackpropException;

/**
 * A model file could not be saved or loaded: it is missing, is not a Backprop model, was written by a
 * newer format version, is truncated or corrupted, needs an activation that is not installed, or
 * disagrees with its own architecture; or the save itself failed. Every message names the file and
 * says what was expected, what was found and how to fix it.
 */
public class ModelFormatException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it, naming the file */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it, naming the file
     * @param cause   the underlying failure
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
