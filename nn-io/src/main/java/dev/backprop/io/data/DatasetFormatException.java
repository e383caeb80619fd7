package dev.backprop.io.data;

import dev.backprop.api.BackpropException;

/**
 * A data file or folder could not be read as a data set: a file is missing, is not an IDX file of the
 * expected kind, is truncated or has bytes after its data, declares no examples, disagrees with its
 * partner file (images and labels), or holds a label outside the class range. Every message names the
 * file or folder and says what was expected, what was found and how to fix it.
 */
public class DatasetFormatException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it, naming the file */
    public DatasetFormatException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it, naming the file
     * @param cause   the underlying failure
     */
    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
