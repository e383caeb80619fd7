package dev.backprop.api;

/**
 * A hyperparameter is unknown to its plugin, outside its valid range, or not a finite number.
 */
public class InvalidHyperparameterException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it */
    public InvalidHyperparameterException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public InvalidHyperparameterException(String message, Throwable cause) {
        super(message, cause);
    }
}
