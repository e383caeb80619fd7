package dev.backprop.api;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An immutable set of named settings of a plugin ({@code learning_rate}, {@code alpha},
 * {@code amsgrad}, {@code reduction}, ...). A value is a finite number ({@link Double}), a switch
 * ({@link Boolean}) or a text choice ({@link String}). Names are kept sorted so that equal settings
 * print and save identically. Thread-safe.
 */
public final class Hyperparameters {

    private static final Hyperparameters NONE = new Hyperparameters(new TreeMap<>());

    private final SortedMap<String, Object> values;

    private Hyperparameters(SortedMap<String, Object> values) {
        this.values = Collections.unmodifiableSortedMap(values);
    }

    /** No settings. */
    public static Hyperparameters none() {
        return NONE;
    }

    /** One number. */
    public static Hyperparameters of(String name, double value) {
        return none().with(name, value);
    }

    /** One switch, such as {@code amsgrad=true}. */
    public static Hyperparameters of(String name, boolean value) {
        return none().with(name, value);
    }

    /** One text choice, such as {@code reduction=sum_over_outputs}. */
    public static Hyperparameters of(String name, String value) {
        return none().with(name, value);
    }

    /** Two numbers. */
    public static Hyperparameters of(String name1, double value1, String name2, double value2) {
        return of(name1, value1).with(name2, value2);
    }

    /**
     * Copies {@code map}, whose values are numbers ({@link Number}, stored as double), switches
     * ({@link Boolean}) or text ({@link String}).
     *
     * @throws InvalidHyperparameterException on a null, non-finite or other kind of value
     */
    public static Hyperparameters of(Map<String, ?> map) {
        TreeMap<String, Object> copy = new TreeMap<>();
        for (Map.Entry<String, ?> e : map.entrySet()) {
            Objects.requireNonNull(e.getValue(), () -> "hyperparameter '" + e.getKey() + "' has a null value");
            copy.put(requireName(e.getKey()), checked(e.getKey(), e.getValue()));
        }
        return new Hyperparameters(copy);
    }

    /** A copy with {@code name} set to the number {@code value} (replacing any earlier value). */
    public Hyperparameters with(String name, double value) {
        return put(name, checked(name, value));
    }

    /** A copy with {@code name} set to the switch {@code value}. */
    public Hyperparameters with(String name, boolean value) {
        return put(name, value);
    }

    /** A copy with {@code name} set to the text {@code value}, which must not be blank. */
    public Hyperparameters with(String name, String value) {
        return put(name, checked(name, value));
    }

    private Hyperparameters put(String name, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.put(requireName(name), value);
        return new Hyperparameters(copy);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidHyperparameterException("A hyperparameter name is required, found '" + name + "'.");
        }
        return name;
    }

    /** The value as stored: a finite double (−0.0 becomes 0.0), a Boolean or a non-blank String. */
    private static Object checked(String name, Object value) {
        if (value instanceof Number number) {
            double v = number.doubleValue();
            if (!Double.isFinite(v)) {
                throw new InvalidHyperparameterException("Hyperparameter '" + name + "' must be a finite number but"
                        + " was " + v + ": give a real value such as 0.01.");
            }
            return v == 0 ? 0.0 : v;   // −0.0 and 0.0 are one setting
        }
        if (value instanceof Boolean) {
            return value;
        }
        if (value instanceof String text) {
            if (text.isBlank()) {
                throw new InvalidHyperparameterException("Hyperparameter '" + name + "' is a text setting and needs"
                        + " a value, found an empty one: give one of the plugin's choices.");
            }
            return text;
        }
        throw new InvalidHyperparameterException("Hyperparameter '" + name + "' must be a number, true/false or"
                + " text but was a " + value.getClass().getSimpleName() + " (" + value + ").");
    }

    /** A copy with every setting of {@code overrides} applied on top of these. */
    public Hyperparameters withAll(Hyperparameters overrides) {
        TreeMap<String, Object> copy = new TreeMap<>(values);
        copy.putAll(overrides.values);
        return new Hyperparameters(copy);
    }

    /**
     * The number {@code name}, or {@code defaultValue} if it is not set.
     *
     * @throws InvalidHyperparameterException if {@code name} holds a switch or text
     */
    public double get(String name, double defaultValue) {
        return valueOfKind(name, Double.class, "a number", defaultValue);
    }

    /**
     * The switch {@code name}, or {@code defaultValue} if it is not set.
     *
     * @throws InvalidHyperparameterException if {@code name} holds a number or text
     */
    public boolean flag(String name, boolean defaultValue) {
        return valueOfKind(name, Boolean.class, "true or false", defaultValue);
    }

    /**
     * The text {@code name}, or {@code defaultValue} if it is not set.
     *
     * @throws InvalidHyperparameterException if {@code name} holds a number or a switch
     */
    public String text(String name, String defaultValue) {
        return valueOfKind(name, String.class, "text", defaultValue);
    }

    /** The value of {@code name} if it is of {@code kind}, {@code defaultValue} if unset; else the wrong-kind error. */
    private <T> T valueOfKind(String name, Class<T> kind, String expected, T defaultValue) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (kind.isInstance(v)) {
            return kind.cast(v);
        }
        throw wrongKind(name, v, expected);
    }

    private static InvalidHyperparameterException wrongKind(String name, Object found, String expected) {
        return new InvalidHyperparameterException("Hyperparameter '" + name + "' must be " + expected + " but was "
                + describe(found) + ": give it as " + expected + ".");
    }

    /** How a value reads in messages: {@code the number 0.5}, {@code the switch true}, {@code the text 'sum'}. */
    public static String describe(Object value) {
        if (value instanceof String) {
            return "the text '" + value + "'";
        }
        return (value instanceof Boolean ? "the switch " : "the number ") + value;
    }

    /** The value of {@code name} as stored (a Double, Boolean or String), or null if it is not set. */
    public Object value(String name) {
        return values.get(name);
    }

    /** True if {@code name} is set. */
    public boolean contains(String name) {
        return values.containsKey(name);
    }

    /** The names that are set, sorted. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The settings as an unmodifiable sorted map of Double, Boolean and String values. */
    public SortedMap<String, Object> asMap() {
        return values;
    }

    /** True when nothing is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /**
     * Checks that every name set here is one {@code pluginId} accepts.
     *
     * @throws InvalidHyperparameterException naming the unknown setting, the accepted ones and, where a
     *                                        name differs only in case or punctuation, that one
     * @see Settings#check
     */
    public void requireKnownNames(PluginId pluginId, Set<String> accepted) {
        for (String name : values.keySet()) {
            if (!accepted.contains(name)) {
                throw SettingMessages.unknownName(pluginId, name, accepted);
            }
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
