package dev.backprop.io.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.backprop.api.Hyperparameters;
import dev.backprop.core.text.ClosestMatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One value of a parsed configuration file together with its path inside the file, so that every
 * check can say exactly where it failed. Reads values strictly: an integer key takes only a whole
 * number, never text or a fraction. Immutable.
 */
final class ConfigNode {

    /** YAML 1.1 reads {@code 1e-3} (no dot) as text; such text is accepted where a number is expected. */
    private static final Pattern NUMBER_TEXT = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final Path file;
    private final String path;
    private final JsonNode node;
    private final boolean yaml;

    ConfigNode(Path file, String path, JsonNode node, boolean yaml) {
        this.file = file;
        this.path = path;
        this.node = node;
        this.yaml = yaml;
    }

    /** The path of this value inside the file ({@code network.layers[0].width}), empty for the root. */
    String path() {
        return path;
    }

    /** The path of {@code key} under this value. */
    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True if this value is text. */
    boolean isText() {
        return node.isTextual();
    }

    /** True if this value is a mapping. */
    boolean isMapping() {
        return node.isObject();
    }

    /** An error at this value: expected, found, fix. */
    ConfigFileException error(String expected, String found, String fix) {
        return new ConfigFileException(file, path, where(path) + "expected " + expected + ", found " + found
                + ". Fix: " + fix);
    }

    /** An error at this value: expected, found (this value), fix. */
    ConfigFileException typeError(String expected, String fix) {
        return error(expected, describe(node), fix);
    }

    /** An error at this value wrapping a plugin's own explanation. */
    ConfigFileException wrap(String location, RuntimeException cause) {
        return new ConfigFileException(file, location, where(location) + cause.getMessage(), cause);
    }

    /** The prefix naming the file and {@code location}. */
    String where(String location) {
        return "Config file " + file + (location.isEmpty() ? "" : ", at " + location) + ": ";
    }

    /**
     * Checks that this value is a mapping whose keys are all among {@code allowed}.
     *
     * @param allowed the accepted keys, in the order they are listed in messages
     * @param example a one-line example of the mapping, for the fix
     */
    ConfigNode requireMapping(List<String> allowed, String example) {
        if (!node.isObject()) {
            throw error("a mapping with keys " + String.join(", ", allowed), describe(node),
                    "write it as a mapping, for example " + example);
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                Optional<String> closest = ClosestMatch.among(name, allowed);
                throw new ConfigFileException(file, pathOf(name), where(pathOf(name)) + "unknown key '" + name
                        + "'; expected one of: " + String.join(", ", allowed) + ". Fix: "
                        + closest.map(c -> "did you mean '" + c + "'? Rename it").orElse("remove it")
                        + " or use one of the keys listed.");
            }
        }
        return this;
    }

    /** True if this mapping has {@code key} (a key with a null value counts as present). */
    boolean has(String key) {
        return node.has(key);
    }

    /** The value of {@code key}, which must be present. */
    ConfigNode required(String key, String example) {
        if (!node.has(key)) {
            throw new ConfigFileException(file, pathOf(key), where(pathOf(key)) + "missing required key '" + key
                    + "'" + (path.isEmpty() ? "" : " in " + path) + ". Fix: add it, for example " + example + ".");
        }
        return child(key);
    }

    /** The value of {@code key}, if present. */
    Optional<ConfigNode> optional(String key) {
        return node.has(key) ? Optional.of(child(key)) : Optional.empty();
    }

    /** The names of this mapping's keys, in file order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private ConfigNode child(String key) {
        return new ConfigNode(file, pathOf(key), node.get(key), yaml);
    }

    /** The elements of this list, which must hold at least one. */
    List<ConfigNode> elements(String example) {
        if (!node.isArray()) {
            throw error("a list", describe(node), "write a list, for example " + example);
        }
        if (node.isEmpty()) {
            throw error("a list of at least one element", "an empty list", "add an element, for example " + example);
        }
        List<ConfigNode> elements = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            elements.add(new ConfigNode(file, path + "[" + i + "]", node.get(i), yaml));
        }
        return elements;
    }

    /** A whole number in {@code [min, Integer.MAX_VALUE]}. */
    int intValue(int min, String example) {
        return intValue(min, Integer.MAX_VALUE, example);
    }

    /** A whole number in {@code [min, max]}. */
    int intValue(int min, int max, String example) {
        long value = wholeNumber("an integer of at least " + min, example);
        if (value < min || value > max) {
            throw error("an integer from " + min + " to " + max, String.valueOf(value),
                    "use a value in that range, for example " + example);
        }
        return (int) value;
    }

    /** Any whole number that fits a {@code long}. */
    long longValue(String example) {
        return wholeNumber("an integer", example);
    }

    private long wholeNumber(String expected, String example) {
        if (!node.isIntegralNumber()) {
            throw error(expected, describe(node), "write a whole number without quotes, for example " + example);
        }
        if (!node.canConvertToLong()) {
            throw error(expected + " that fits 64 bits", describe(node), "use a smaller number, for example "
                    + example);
        }
        return node.longValue();
    }

    /** A finite number (whole or fractional). */
    double doubleValue(String example) {
        double value;
        if (node.isNumber()) {
            value = node.doubleValue();
        } else if (isYamlNumberText()) {
            value = Double.parseDouble(node.textValue());
        } else {
            throw error("a number", describe(node), "write a number without quotes, for example " + example);
        }
        if (!Double.isFinite(value)) {
            throw error("a finite number", describe(node), "use a finite value, for example " + example);
        }
        return value;
    }

    /** {@code true} or {@code false}. */
    boolean booleanValue() {
        if (!node.isBoolean()) {
            throw error("true or false", describe(node), "write true or false without quotes");
        }
        return node.booleanValue();
    }

    /** Non-empty text. */
    String textValue(String example) {
        if (!node.isTextual() || node.textValue().isBlank()) {
            throw error("text", describe(node), "write it as text, for example " + example);
        }
        return node.textValue();
    }

    /**
     * A mapping from setting names to a plugin's settings, each kept with its kind: a number, a switch
     * ({@code true}/{@code false}) or text ({@code sum_over_outputs}). Which kind a setting needs is the
     * plugin's business; it rejects a wrong one when it is resolved.
     */
    Hyperparameters hyperparameters(String example) {
        if (!node.isObject()) {
            throw error("a mapping from setting names to values (numbers, true/false or text)", describe(node),
                    "write it as a mapping, for example " + example);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : keys()) {
            values.put(key, child(key).settingValue(example));
        }
        return Hyperparameters.of(values);
    }

    /**
     * One plugin setting: a finite number, {@code true}/{@code false}, or non-empty text. In YAML, text
     * that reads as a number ({@code 1e-3}) is the number.
     */
    Object settingValue(String example) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isNumber() || isYamlNumberText()) {
            return doubleValue(example);
        }
        if (node.isTextual() && !node.textValue().isBlank()) {
            return node.textValue();
        }
        throw error("a setting value: a number, true or false, or text", describe(node),
                "write a number, true, false or a word, for example " + example);
    }

    private boolean isYamlNumberText() {
        return yaml && node.isTextual() && NUMBER_TEXT.matcher(node.textValue()).matches();
    }

    /** How a value reads in a message: {@code "abc" (text)}, {@code 1.5}, {@code a list}, ... */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isNull()) {
            return "null (an empty value)";
        }
        if (value.isTextual()) {
            return "\"" + value.textValue() + "\" (text)";
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "a mapping with keys " + String.join(", ", iterable(value.fieldNames()));
        }
        return value.getNodeType().toString().toLowerCase(Locale.ROOT);
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
