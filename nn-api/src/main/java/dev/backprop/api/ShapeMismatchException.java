package dev.backprop.api;

/**
 * Arrays or layers whose sizes disagree. Carries the expected and the actual size so that callers
 * and tests can inspect them.
 */
public class ShapeMismatchException extends BackpropException {

    private static final long serialVersionUID = 1L;

    private final int expected;
    private final int actual;

    /**
     * @param message  what was expected, what was found and how to fix it
     * @param expected the size that was required
     * @param actual   the size that was given
     */
    public ShapeMismatchException(String message, int expected, int actual) {
        super(message);
        this.expected = expected;
        this.actual = actual;
    }

    /** The size that was required. */
    public int expected() {
        return expected;
    }

    /** The size that was given. */
    public int actual() {
        return actual;
    }
}
