package dev.backprop.api;

/**
 * A forward or backward pass produced NaN or infinity; the message says where (layer, plugin,
 * epoch and batch).
 */
public class NumericalInstabilityException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it */
    public NumericalInstabilityException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public NumericalInstabilityException(String message, Throwable cause) {
        super(message, cause);
    }
}
