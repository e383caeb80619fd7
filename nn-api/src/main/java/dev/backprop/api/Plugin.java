package dev.backprop.api;

/**
 * What every plugin kind shares: an id, immutable hyperparameters and the settings that describe them.
 *
 * <p>Implementations are found by {@link java.util.ServiceLoader} and therefore need a public
 * no-argument constructor that yields the default settings. They must be immutable and thread-safe:
 * one instance may serve many layers and threads at once.
 *
 * <p>A plugin with settings declares them once in a {@link Settings} (most simply by extending
 * {@link ConfiguredPlugin}); that declaration checks requested values, rebuilds the plugin and is what
 * {@code ./backprop plugins} prints. A plugin without settings implements neither method.
 */
public interface Plugin {

    /** The id this plugin is found by; constant for the class. */
    PluginId id();

    /** The current settings, with every accepted name present (defaults included). */
    default Hyperparameters hyperparameters() {
        return Hyperparameters.none();
    }

    /**
     * The settings this plugin accepts: name, kind, default, accepted values and help of each. The
     * default describes the values {@link #hyperparameters()} reports, with no range and no help
     * ({@link Settings#isDeclared()} is false); plugins with settings declare them instead.
     */
    default Settings settings() {
        return Settings.undeclared(id(), hyperparameters());
    }
}
