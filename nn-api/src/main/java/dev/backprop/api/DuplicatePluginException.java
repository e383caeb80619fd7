package dev.backprop.api;

/**
 * Two plugins of one kind claim the same id. The message names both classes and the jars they came
 * from.
 */
public class DuplicatePluginException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it */
    public DuplicatePluginException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public DuplicatePluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
