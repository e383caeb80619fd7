package dev.backprop.examples.options;

import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;

/**
 * The VALUE of a {@code NAME=VALUE} plugin setting: {@code true} and {@code false} are switches
 * ({@link Boolean}), a decimal number such as {@code 0.9}, {@code -2} or {@code 1e-3} is a number
 * ({@link Double}), and anything else is text ({@link String}), as {@code Hyperparameters} holds them.
 */
public final class SettingValue implements ITypeConverter<Object> {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    @Override
    public Object convert(String value) {
        return parse(value);
    }

    /** {@code text} as a switch, a number or text. */
    public static Object parse(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (NUMBER.matcher(text).matches()) {
            return Double.valueOf(text);
        }
        return text;
    }

    /** The NAME of a setting, as typed. */
    public static final class Name implements ITypeConverter<String> {
        @Override
        public String convert(String name) {
            return name;
        }
    }
}
