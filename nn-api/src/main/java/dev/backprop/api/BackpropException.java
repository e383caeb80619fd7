package dev.backprop.api;

/**
 * The base of every exception Backprop throws. Unchecked; every message says what was expected, what
 * was found and how to fix it.
 */
public class BackpropException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message what was expected, what was found and how to fix it */
    public BackpropException(String message) {
        super(message);
    }

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public BackpropException(String message, Throwable cause) {
        super(message, cause);
    }
}
