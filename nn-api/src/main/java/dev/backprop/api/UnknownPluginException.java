package dev.backprop.api;

/**
 * No plugin is installed under the requested id. The message lists the available ids, the closest
 * match and how to add a plugin jar.
 */
public class UnknownPluginException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it */
    public UnknownPluginException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public UnknownPluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
