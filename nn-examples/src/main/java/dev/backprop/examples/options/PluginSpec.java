package dev.backprop.examples.options;

import dev.backprop.api.Hyperparameters;
import java.util.Objects;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A plugin chosen on the command line with its settings, as typed: {@code ID[:NAME=VALUE,...]}, such
 * as {@code relu}, {@code adam:beta1=0.95,amsgrad=true} or {@code thirdparty.scaled_tanh:a=1.5,b=0.5}
 * ({@link SettingsText} reads the settings). One grammar for {@code --activation}, {@code --loss},
 * {@code --optimizer} and {@code --init}. Immutable.
 *
 * @param id       the plugin id as typed (the registry checks it, with a did-you-mean)
 * @param settings the settings given after the colon, none without one
 */
public record PluginSpec(String id, Hyperparameters settings) {

    /** The grammar, for the usage help and messages. */
    public static final String GRAMMAR = "ID[:" + SettingsText.GRAMMAR + "]";

    /** Requires both. */
    public PluginSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(settings, "settings");
    }

    /**
     * Reads {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong and how to write it
     */
    public static PluginSpec parse(String text) {
        int colon = text.indexOf(':');
        String id = (colon < 0 ? text : text.substring(0, colon)).strip();
        if (id.isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' has no plugin id: write " + GRAMMAR
                    + ", such as adam or adam:beta1=0.95 (./backprop plugins lists the ids)");
        }
        if (colon < 0) {
            return new PluginSpec(id, Hyperparameters.none());
        }
        String settings = text.substring(colon + 1);
        if (settings.isBlank()) {
            throw new IllegalArgumentException("'" + text + "' has nothing after its ':': write " + id + ":"
                    + SettingsText.GRAMMAR + ", such as " + id + ":name=0.5, or just " + id);
        }
        return new PluginSpec(id, Hyperparameters.of(SettingsText.parse(settings, text)));
    }

    /** {@code id:name=value,...} or the bare id. */
    @Override
    public String toString() {
        return settings.isEmpty() ? id : id + ":" + settings.asMap().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).reduce((a, b) -> a + "," + b).orElse("");
    }

    /** Picocli's converter for options of this type; its message becomes the one {@code error:} line. */
    public static final class Converter implements ITypeConverter<PluginSpec> {
        @Override
        public PluginSpec convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
