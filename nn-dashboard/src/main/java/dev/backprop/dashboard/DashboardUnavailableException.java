package dev.backprop.dashboard;

import dev.backprop.api.BackpropException;

/**
 * The dashboard's server could not start: its port is taken, or the page's files are missing from the
 * class path. The message names the port or the file and how to fix it.
 */
public class DashboardUnavailableException extends BackpropException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what was expected, what was found and how to fix it
     * @param cause   the underlying failure
     */
    public DashboardUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
