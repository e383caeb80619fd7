package dev.backprop.api;

/**
 * A network or training configuration is inconsistent (a zero width, a batch size below one, a loss
 * that cannot follow the output layer, ...).
 */
public class InvalidConfigurationException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it */
    public InvalidConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
