package dev.backprop.api;

/**
 * A plugin (activation, loss, optimizer, initializer) threw while it was used, for example from an
 * activation's {@code value} during training. The message names the plugin, what it was doing and the
 * root cause; the original exception is the cause. Nothing was saved from the step that failed.
 */
public class PluginFailedException extends BackpropException {

    private static final long serialVersionUID = 1L;

    private final String pluginId;

    /**
     * @param pluginId the id of the plugin that threw
     * @param message  what failed, the root cause, and how to fix it
     * @param cause    what the plugin threw
     */
    public PluginFailedException(String pluginId, String message, Throwable cause) {
        super(message, cause);
        this.pluginId = pluginId;
    }

    /** The id of the plugin that threw. */
    public String pluginId() {
        return pluginId;
    }

    /**
     * The innermost cause of {@code failure}, as {@code "IllegalStateException: boom"} (the class's
     * simple name, and its message when it has one), for one-line error reports.
     */
    public static String rootCause(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
