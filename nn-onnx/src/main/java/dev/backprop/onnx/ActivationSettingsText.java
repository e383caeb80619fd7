package dev.backprop.onnx;

import dev.backprop.api.Hyperparameters;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * An activation's settings as the one line the exporter writes in the model's metadata and the importer
 * reads back, so that a setting exported as a float32 attribute comes back as the exact double it was:
 * {@code alpha=n:0.123456789&approximate=s:tanh&flag=b:true}. Names and texts are URL-encoded; numbers
 * are written as {@link Double#toString}, which reads back to the same double.
 */
final class ActivationSettingsText {

    private ActivationSettingsText() {
    }

    /** The settings as one line. */
    static String encode(Hyperparameters settings) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, Object> entry : settings.asMap().entrySet()) {
            Object value = entry.getValue();
            String typed;
            if (value instanceof Double number) {
                typed = "n:" + number;
            } else if (value instanceof Boolean flag) {
                typed = "b:" + flag;
            } else {
                typed = "s:" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
            }
            text.append(text.length() == 0 ? "" : "&").append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(typed);
        }
        return text.toString();
    }

    /**
     * The settings {@link #encode} wrote.
     *
     * @throws IllegalArgumentException if {@code text} is not such a line
     */
    static Hyperparameters decode(String text) {
        Map<String, Object> values = new TreeMap<>();
        if (text.isEmpty()) {
            return Hyperparameters.none();
        }
        for (String pair : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || pair.length() < equals + 3 || pair.charAt(equals + 2) != ':') {
                throw new IllegalArgumentException("not a setting: '" + pair + "'");
            }
            String name = URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = pair.substring(equals + 3);
            switch (pair.charAt(equals + 1)) {
                case 'n' -> values.put(name, Double.parseDouble(value));
                case 'b' -> values.put(name, Boolean.parseBoolean(value));
                case 's' -> values.put(name, URLDecoder.decode(value, StandardCharsets.UTF_8));
                default -> throw new IllegalArgumentException("unknown kind in '" + pair + "'");
            }
        }
        return Hyperparameters.of(values);
    }
}
