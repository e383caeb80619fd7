package dev.backprop.api;

import java.util.List;

/**
 * One setting a plugin declares: its name, the kind of value it holds, its default, the values it
 * accepts and one line of help. A plugin lists its settings once, in a {@link Settings}, which then
 * validates requested values, rebuilds the plugin and lets {@code ./backprop plugins} describe it.
 *
 * <pre>{@code
 * Setting.number("beta1", 0.9, "decay rate of the first-moment average").atLeast(0).below(1).inFloat()
 * Setting.flag("amsgrad", false, "divide by the largest second moment so far (AMSGrad)")
 * Setting.choice("reduction", "mean", "how the terms are reduced", "mean", "sum_over_outputs")
 * }</pre>
 *
 * <p>A number may be bounded below and above, each end open or closed; {@link #inFloat()} marks a
 * number the plugin computes with in {@code float}, so that the bounds must also hold after rounding
 * to {@code float} (and the rounded value must be finite): {@code [0, 1)} then admits at most
 * 0.99999994. A switch also accepts the numbers 1 and 0 (and no others) as true and false, as files
 * written before switches existed hold them. Immutable and thread-safe; the range methods return
 * copies.
 */
public final class Setting {

    /** The kind of value a setting holds. */
    public enum Kind {
        /** A finite number ({@link Double}), perhaps within a range. */
        NUMBER,
        /** A switch ({@link Boolean}). */
        FLAG,
        /** A text ({@link String}): one of the declared choices, or any text where none are declared. */
        TEXT
    }

    /** One end of a number's range. */
    private record Bound(double value, boolean inclusive) {
    }

    private final String name;
    private final Kind kind;
    private final Object defaultValue;
    private final String help;
    private final Bound lower;
    private final Bound upper;
    private final boolean inFloat;
    private final List<String> choices;

    private Setting(String name, Kind kind, Object defaultValue, String help, Bound lower, Bound upper,
                    boolean inFloat, List<String> choices) {
        this.name = name;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.help = help;
        this.lower = lower;
        this.upper = upper;
        this.inFloat = inFloat;
        this.choices = choices;
        if (!accepts(defaultValue)) {
            throw new InvalidPluginException("Setting '" + name + "' declares the default " + defaultValue
                    + ", which it does not accept itself (it must be " + allowed() + "): fix the declaration.");
        }
    }

    /**
     * A number setting, at first unbounded; narrow it with {@link #atLeast}, {@link #above},
     * {@link #atMost}, {@link #below} and {@link #inFloat}.
     *
     * @param name         the name users give it, such as {@code learning_rate}
     * @param defaultValue the value when none is given; finite
     * @param help         one line saying what it does
     * @throws InvalidPluginException on a blank name or help, or a default that is not finite
     */
    public static Setting number(String name, double defaultValue, String help) {
        if (!Double.isFinite(defaultValue)) {
            throw new InvalidPluginException("Setting '" + name + "' needs a finite default but declares "
                    + defaultValue + ": give a real value such as 0.01.");
        }
        return new Setting(requireText(name, "name"), Kind.NUMBER, defaultValue == 0 ? 0.0 : defaultValue,
                requireText(help, "help"), null, null, false, List.of());
    }

    /**
     * A switch, such as {@code amsgrad}.
     *
     * @throws InvalidPluginException on a blank name or help
     */
    public static Setting flag(String name, boolean defaultValue, String help) {
        return new Setting(requireText(name, "name"), Kind.FLAG, defaultValue, requireText(help, "help"), null, null,
                false, List.of());
    }

    /**
     * A text setting that takes one of {@code choices}, such as {@code reduction}.
     *
     * @throws InvalidPluginException on a blank name, help or choice, no choices, a repeated choice, or a
     *                                default that is not among the choices
     */
    public static Setting choice(String name, String defaultValue, String help, String... choices) {
        List<String> list = List.of(choices);
        if (list.isEmpty() || list.stream().distinct().count() != list.size()) {
            throw new InvalidPluginException("Setting '" + name + "' must list its choices once each, found "
                    + list + ": give every accepted text, such as \"mean\", \"sum_over_outputs\".");
        }
        list.forEach(choice -> requireText(choice, "choice"));
        return new Setting(requireText(name, "name"), Kind.TEXT, defaultValue, requireText(help, "help"), null, null,
                false, list);
    }

    /**
     * What a plugin that declares no settings is described by: the value it reports, accepted in any
     * amount of its kind. Used by {@link Plugin#settings()}.
     */
    static Setting undeclared(String name, Object value) {
        Kind kind = value instanceof Boolean ? Kind.FLAG : value instanceof String ? Kind.TEXT : Kind.NUMBER;
        return new Setting(name, kind, value, "", null, null, false, List.of());
    }

    /** A copy that accepts only numbers {@code >= min}. */
    public Setting atLeast(double min) {
        return bounded(new Bound(min, true), upper);
    }

    /** A copy that accepts only numbers {@code > min}. */
    public Setting above(double min) {
        return bounded(new Bound(min, false), upper);
    }

    /** A copy that accepts only numbers {@code <= max}. */
    public Setting atMost(double max) {
        return bounded(lower, new Bound(max, true));
    }

    /** A copy that accepts only numbers {@code < max}. */
    public Setting below(double max) {
        return bounded(lower, new Bound(max, false));
    }

    /**
     * A copy for a number the plugin computes with in {@code float}: the value rounded to float must be
     * finite and within the bounds too.
     */
    public Setting inFloat() {
        requireNumber("inFloat");
        return new Setting(name, kind, defaultValue, help, lower, upper, true, choices);
    }

    private Setting bounded(Bound min, Bound max) {
        requireNumber("a range");
        return new Setting(name, kind, defaultValue, help, min, max, inFloat, choices);
    }

    private void requireNumber(String what) {
        if (kind != Kind.NUMBER) {
            throw new InvalidPluginException("Setting '" + name + "' is a " + kind.name().toLowerCase()
                    + " setting and cannot take " + what + ": only number settings have ranges.");
        }
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new InvalidPluginException("A setting needs a " + what + " but was given '" + text
                    + "': give one, such as Setting.number(\"alpha\", 0.01, \"slope for negative inputs\").");
        }
        return text;
    }

    /** The name users give it ({@code learning_rate}). */
    public String name() {
        return name;
    }

    /** Number, switch or text. */
    public Kind kind() {
        return kind;
    }

    /** The value when none is given: a {@link Double}, {@link Boolean} or {@link String}. */
    public Object defaultValue() {
        return defaultValue;
    }

    /** One line saying what it does; empty for a setting the plugin did not declare. */
    public String help() {
        return help;
    }

    /** The accepted texts of a choice, in declared order; empty for numbers, switches and free text. */
    public List<String> choices() {
        return choices;
    }

    /**
     * The accepted values in words, completing "must be ...": {@code in [0, 1) as a float, so at most
     * 0.99999994}, {@code > 0}, {@code any number}, {@code true or false}, {@code one of: mean, sum}.
     */
    public String allowed() {
        switch (kind) {
            case FLAG:
                return "true or false";
            case TEXT:
                return choices.isEmpty() ? "any text" : "one of: " + String.join(", ", choices);
            default:
                return numberRange();
        }
    }

    /** True if {@code value} is of this kind and within its range or choices (a switch also takes 0 or 1). */
    public boolean accepts(Object value) {
        switch (kind) {
            case FLAG:
                return value instanceof Boolean || value instanceof Double d && (d == 0 || d == 1);
            case TEXT:
                return value instanceof String text && (choices.isEmpty() || choices.contains(text));
            default:
                return value instanceof Double number && inRange(number);
        }
    }

    /**
     * {@code value} as this setting stores it: a switch given as 1 or 0 becomes true or false.
     *
     * @throws InvalidHyperparameterException naming {@code plugin}, this setting, the value, what is
     *                                        accepted and the default, unless {@link #accepts} it
     */
    Object accept(PluginId plugin, Object value) {
        if (!accepts(value)) {
            throw SettingMessages.refused(plugin, this, value);
        }
        return value instanceof Double number && kind == Kind.FLAG ? Boolean.valueOf(number == 1) : value;
    }

    private boolean inRange(double value) {
        return within(value) && (!inFloat || Float.isFinite((float) value) && within((float) value));
    }

    private boolean within(double value) {
        boolean aboveLower = lower == null || (lower.inclusive ? value >= lower.value : value > lower.value);
        boolean belowUpper = upper == null || (upper.inclusive ? value <= upper.value : value < upper.value);
        return aboveLower && belowUpper;
    }

    private String numberRange() {
        String range;
        if (lower != null && upper != null) {
            range = "in " + (lower.inclusive ? "[" : "(") + format(lower.value) + ", " + format(upper.value)
                    + (upper.inclusive ? "]" : ")");
        } else if (lower != null) {
            range = (lower.inclusive ? ">= " : "> ") + format(lower.value);
        } else if (upper != null) {
            range = (upper.inclusive ? "<= " : "< ") + format(upper.value);
        } else {
            return inFloat ? "finite as a float" : "any number";
        }
        if (!inFloat) {
            return range;
        }
        String limit = upper != null && !upper.inclusive ? ", so at most " + largestFloatBelow(upper.value) : "";
        return range + " as a float" + limit;
    }

    private static float largestFloatBelow(double bound) {
        float f = (float) bound;
        return f >= bound ? Math.nextDown(f) : f;
    }

    /**
     * A whole bound prints without a fraction ({@code [0, 1)}), one that is a float value prints as a
     * float ({@code 3.4028235E38} for {@code Float.MAX_VALUE}), any other as a double.
     */
    private static String format(double bound) {
        if (bound == Math.rint(bound) && Math.abs(bound) < 1e15) {
            return Long.toString((long) bound);
        }
        float f = (float) bound;
        return f == bound ? Float.toString(f) : Double.toString(bound);
    }

    /** {@code name=default (allowed): help}. */
    @Override
    public String toString() {
        return name + "=" + defaultValue + " (" + allowed() + ")" + (help.isEmpty() ? "" : ": " + help);
    }
}
