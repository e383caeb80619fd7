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
}
