package dev.backprop.examples.options;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the settings part of a plugin choice, {@code NAME=VALUE,NAME=VALUE...} (the text after the
 * colon in {@code --optimizer adam:beta1=0.95,amsgrad=true}). A VALUE is a switch ({@code true} or
 * {@code false}), a number ({@code 0.5}, {@code -2}, {@code 1e-3}) or text ({@link SettingValue});
 * text that holds a comma, or that should stay text although it looks like a number or a switch, is
 * written in double or single quotes ({@code mode="a,b"}, {@code tag='1'}), which are not part of the
 * value. Every name must be new, non-empty and followed by {@code =} and a value; anything else is
 * refused with a message that says what was expected and found. Stateless.
 */
final class SettingsText {

    /** One line for the usage help: the grammar as the help footer and the README give it. */
    static final String GRAMMAR = "NAME=VALUE[,NAME=VALUE...]";

    private SettingsText() {
    }

    /**
     * The settings in {@code text}, in the order written.
     *
     * @param text   the settings, such as {@code beta1=0.95,amsgrad=true}
     * @param choice the whole choice as typed ({@code adam:beta1=0.95}), for the messages
     * @throws IllegalArgumentException naming what is wrong and how to write it
     */
    static Map<String, Object> parse(String text, String choice) {
        Map<String, Object> settings = new LinkedHashMap<>();
        int at = 0;
        while (true) {
            int equals = text.indexOf('=', at);
            int comma = text.indexOf(',', at);
            if (equals < 0 || (comma >= 0 && comma < equals)) {
                String piece = text.substring(at, comma < 0 ? text.length() : comma).strip();
                throw new IllegalArgumentException(piece.isEmpty()
                        ? "'" + choice + "' has an empty setting: write " + GRAMMAR + " after the id, without a"
                                + " comma too many, such as adam:beta1=0.95,amsgrad=true"
                        : "'" + choice + "' has the setting '" + piece + "' without a value: write it as NAME=VALUE,"
                                + " such as " + piece + "=0.5");
            }
            String name = text.substring(at, equals).strip();
            if (name.isEmpty()) {
                throw new IllegalArgumentException("'" + choice + "' has a value without a name before its '=': write "
                        + GRAMMAR + ", such as beta1=0.95");
            }
            Value value = value(text, equals + 1, name, choice);
            if (settings.put(name, value.value()) != null) {
                throw new IllegalArgumentException("'" + choice + "' sets '" + name + "' twice: give each setting"
                        + " once");
            }
            if (value.end() >= text.length()) {
                return settings;
            }
            at = value.end() + 1; // past the comma
        }
    }

    /** The value starting at {@code from}, and where it ends (at a comma or the end of the text). */
    private static Value value(String text, int from, String name, String choice) {
        int start = from;
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        char first = start < text.length() ? text.charAt(start) : ',';
        if (first == '"' || first == '\'') {
            int close = text.indexOf(first, start + 1);
            if (close < 0) {
                throw new IllegalArgumentException("'" + choice + "': the value of '" + name + "' opens a quote (" + first
                        + ") that is never closed: end the text with " + first);
            }
            int end = close + 1;
            while (end < text.length() && text.charAt(end) == ' ') {
                end++;
            }
            if (end < text.length() && text.charAt(end) != ',') {
                throw new IllegalArgumentException("'" + choice + "': the quoted value of '" + name + "' is followed by '"
                        + text.substring(end) + "': put a comma between settings, or the whole text inside the"
                        + " quotes");
            }
            if (close == start + 1) {
                throw new IllegalArgumentException("'" + choice + "' gives '" + name + "' empty text: write the text"
                        + " between the quotes, or leave the setting out for its default");
            }
            return new Value(text.substring(start + 1, close), end);
        }
        int comma = text.indexOf(',', start);
        int end = comma < 0 ? text.length() : comma;
        String raw = text.substring(start, end).strip();
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("'" + choice + "' gives '" + name + "' no value: write " + name
                    + "=VALUE, where VALUE is a number, true, false or text");
        }
        return new Value(SettingValue.parse(raw), end);
    }

    private record Value(Object value, int end) {
    }
}
