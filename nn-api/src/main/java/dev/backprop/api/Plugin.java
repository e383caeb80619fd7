package dev.backprop.api;

import java.util.Set;

/**
 * What every plugin kind shares: an id and immutable hyperparameters.
 *
 * <p>Implementations are found by {@link java.util.ServiceLoader} and therefore need a public
 * no-argument constructor that yields the default settings. They must be immutable and thread-safe:
 * one instance may serve many layers and threads at once.
 */
public interface Plugin {

    /** The id this plugin is found by; constant for the class. */
    PluginId id();

    /** The current settings, with every accepted name present (defaults included). */
    default Hyperparameters hyperparameters() {
        return Hyperparameters.none();
    }

    /**
     * Checks {@code requested} against the names this plugin accepts.
     *
     * @return true if applying {@code requested} would change nothing
     * @throws InvalidHyperparameterException if a name is unknown, or if values change but the plugin
     *                                        does not implement {@code withHyperparameters}
     */
    default boolean isUnchangedBy(Hyperparameters requested) {
        Set<String> accepted = hyperparameters().names();
        requested.requireKnownNames(id(), accepted);
        return hyperparameters().withAll(requested).equals(hyperparameters());
    }

    /** The error a plugin's default {@code withHyperparameters} raises when it cannot apply new values. */
    default InvalidHyperparameterException cannotChange(Hyperparameters requested) {
        return new InvalidHyperparameterException("Plugin '" + id() + "' (" + getClass().getName()
                + ") declares hyperparameters " + hyperparameters() + " but does not implement withHyperparameters,"
                + " so " + requested + " cannot be applied: override withHyperparameters in the plugin.");
    }
}
