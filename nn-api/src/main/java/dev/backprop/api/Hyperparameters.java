package dev.backprop.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable set of named numeric settings of a plugin ({@code learning_rate}, {@code alpha},
 * {@code beta1}, ...). Names are kept sorted so that equal settings print and save identically.
 * Values must be finite. Thread-safe.
 */
public final class Hyperparameters {

    private static final Hyperparameters NONE = new Hyperparameters(new TreeMap<>());

    private final SortedMap<String, Double> values;

    private Hyperparameters(SortedMap<String, Double> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /** No settings. */
    public static Hyperparameters none() {
        return NONE;
    }

    /** One setting. */
    public static Hyperparameters of(String name, double value) {
        return none().with(name, value);
    }

    /** Two settings. */
    public static Hyperparameters of(String name1, double value1, String name2, double value2) {
        return of(name1, value1).with(name2, value2);
    }

    /** Copies {@code map}; every value must be finite. */
    public static Hyperparameters of(Map<String, ? extends Number> map) {
        Hyperparameters result = none();
        for (Map.Entry<String, ? extends Number> e : map.entrySet()) {
            Objects.requireNonNull(e.getValue(), () -> "hyperparameter '" + e.getKey() + "' has a null value");
            result = result.with(e.getKey(), e.getValue().doubleValue());
        }
        return result;
    }

    /** A copy with {@code name} set to {@code value} (replacing any earlier value). */
    public Hyperparameters with(String name, double value) {
        if (name == null || name.isBlank()) {
            throw new InvalidHyperparameterException("A hyperparameter name is required, found '" + name + "'.");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidHyperparameterException("Hyperparameter '" + name + "' must be a finite number but was "
                    + value + ": give a real value such as 0.01.");
        }
        TreeMap<String, Double> copy = new TreeMap<>(values);
        copy.put(name, value == 0 ? 0.0 : value);   // −0.0 and 0.0 are one setting
        return new Hyperparameters(copy);
    }

    /** A copy with every setting of {@code overrides} applied on top of these. */
    public Hyperparameters withAll(Hyperparameters overrides) {
        TreeMap<String, Double> copy = new TreeMap<>(values);
        copy.putAll(overrides.values);
        return new Hyperparameters(copy);
    }

    /** The value of {@code name}, or {@code defaultValue} if it is not set. */
    public double get(String name, double defaultValue) {
        Double v = values.get(name);
        return v == null ? defaultValue : v;
    }

    /** True if {@code name} is set. */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** The names that are set, sorted. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The settings as an unmodifiable sorted map. */
    public SortedMap<String, Double> asMap() {
        return values;
    }

    /** True when nothing is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Checks that every name set here is one {@code pluginId} accepts.
     *
     * @throws InvalidHyperparameterException naming the unknown setting and the accepted ones
     */
    public void requireKnownNames(PluginId pluginId, Set<String> accepted) {
        for (String name : values.keySet()) {
            if (!accepted.contains(name)) {
                String acceptedText = accepted.isEmpty() ? "none" : String.join(", ", new TreeSet<>(accepted));
                throw new InvalidHyperparameterException("Plugin '" + pluginId + "' has no hyperparameter '" + name
                        + "'. It accepts: " + acceptedText + ". Remove '" + name + "' or check its spelling.");
            }
        }
    }

    /**
     * Checks that {@code name}, if set, lies in {@code [min, max]}.
     *
     * @throws InvalidHyperparameterException naming the value, the range and the plugin
     */
    public void requireInRange(PluginId pluginId, String name, double min, double max) {
        if (!contains(name)) {
            return;
        }
        double v = get(name, Double.NaN);
        if (v < min || v > max) {
            throw new InvalidHyperparameterException("Hyperparameter '" + name + "' of plugin '" + pluginId
                    + "' must lie in [" + min + ", " + max + "] but was " + v + ".");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hyperparameters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
