package dev.backprop.api;

import java.util.Objects;

/**
 * A convenient base for a plugin with settings: it holds the values, checked against the plugin's
 * {@link Settings}, and derives {@link #id()}, {@link #hyperparameters()}, {@link #settings()},
 * {@code equals}, {@code hashCode} and {@code toString} from them. A subclass declares its settings,
 * reads them into fields and rebuilds itself in {@code withHyperparameters}:
 *
 * <pre>{@code
 * public final class Swish extends ConfiguredPlugin implements ScalarActivation {
 *     private static final Settings SETTINGS = Settings.of(PluginId.of("acme.swish"),
 *             Setting.number("beta", 1.0, "slope inside the sigmoid").above(0));
 *     private final double beta = number("beta");
 *
 *     public Swish() { this(Hyperparameters.none()); }
 *     private Swish(Hyperparameters values) { super(SETTINGS, values); }
 *
 *     public Swish withHyperparameters(Hyperparameters requested) {
 *         return SETTINGS.apply(this, requested, Swish::new);
 *     }
 *     ... value, derivative
 * }
 * }</pre>
 *
 * Two plugins are equal when they are of the same class with equal values. Subclasses must be
 * immutable, as every plugin is.
 */
public abstract class ConfiguredPlugin implements Plugin {

    private final Settings settings;
    private final Hyperparameters values;

    /**
     * Checks {@code values} against {@code settings}; settings not given take their defaults.
     *
     * @throws InvalidHyperparameterException on an unknown name, a wrong kind, a value out of range or
     *                                        not among the choices
     */
    protected ConfiguredPlugin(Settings settings, Hyperparameters values) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.values = settings.validate(Objects.requireNonNull(values, "values"));
    }

    /** The id the settings were declared for. */
    @Override
    public PluginId id() {
        return settings.pluginId();
    }

    /** Every declared setting with its current value. */
    @Override
    public final Hyperparameters hyperparameters() {
        return values;
    }

    @Override
    public final Settings settings() {
        return settings;
    }

    /** The current value of the number setting {@code name}. */
    protected final double number(String name) {
        return declared(name, Double.class);
    }

    /** The current value of the switch {@code name}. */
    protected final boolean flag(String name) {
        return declared(name, Boolean.class);
    }

    /** The current value of the text setting {@code name}. */
    protected final String text(String name) {
        return declared(name, String.class);
    }

    private <T> T declared(String name, Class<T> type) {
        Object value = values.value(name);
        if (!type.isInstance(value)) {
            throw new InvalidPluginException("Plugin '" + id() + "' (" + getClass().getName() + ") reads the setting '"
                    + name + "' as a " + type.getSimpleName() + " but its settings " + settings.names()
                    + (value == null ? " do not declare it" : " hold " + Hyperparameters.describe(value) + " there")
                    + ": declare it in its Settings with the kind it is read as.");
        }
        return type.cast(value);
    }

    /** Same class, equal values. */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && values.equals(((ConfiguredPlugin) o).values);
    }

    @Override
    public final int hashCode() {
        return id().hashCode() * 31 + values.hashCode();
    }

    /** {@code id{name=value, ...}}, such as {@code adam{amsgrad=false, beta1=0.9, ...}}. */
    @Override
    public String toString() {
        return id() + values.toString();
    }
}
