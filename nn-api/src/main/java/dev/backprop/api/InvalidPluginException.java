package dev.backprop.api;

/**
 * A plugin breaks the plugin rules: a malformed id, a third-party plugin claiming a bare id reserved for
 * built-ins, or a provider that could not be instantiated.
 */
public class InvalidPluginException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it */
    public InvalidPluginException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public InvalidPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
