package dev.backprop.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.PluginId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What Backprop's exporter writes in a model's metadata about its activations: the architecture
 * ({@value OnnxExport#ARCHITECTURE_KEY}, {@code 5-7:relu-3:softmax}) and each layer's settings
 * ({@code backprop.dense_N.activation_settings}). The importer takes these as the first guess for each
 * layer's activation, so that ids (third-party ones too) and settings come back exactly, but only when
 * they describe the graph found and each guess computes what the graph computes; without them, or when
 * they disagree, it recognises the activations from the graph alone.
 */
final class ExportMetadata {

    private ExportMetadata() {
    }

    /** The metadata key of layer {@code number}'s activation settings (written only when it has some). */
    static String settingsKey(int number) {
        return "backprop.dense_" + number + ".activation_settings";
    }

    /**
     * The activation the metadata records for each layer, when it describes a network of {@code inputs}
     * features and layers of {@code widths}; an empty list when it does not or cannot be read.
     */
    static List<ActivationRecognizer.Recognized> activations(ModelProto model, int inputs, List<Integer> widths) {
        Map<String, String> metadata = new HashMap<>();
        for (StringStringEntryProto entry : model.getMetadataPropsList()) {
            metadata.put(entry.getKey(), entry.getValue());
        }
        String architecture = metadata.get(OnnxExport.ARCHITECTURE_KEY);
        if (architecture == null) {
            return List.of();
        }
        try {
            String[] parts = architecture.split("-", -1);
            if (parts.length != widths.size() + 1 || Integer.parseInt(parts[0]) != inputs) {
                return List.of();
            }
            List<ActivationRecognizer.Recognized> activations = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                int colon = parts[i].indexOf(':');
                if (colon < 0 || Integer.parseInt(parts[i].substring(0, colon)) != widths.get(i - 1)) {
                    return List.of();
                }
                PluginId id = PluginId.of(parts[i].substring(colon + 1));
                String settings = metadata.get(settingsKey(i));
                activations.add(new ActivationRecognizer.Recognized(id,
                        settings == null ? Hyperparameters.none() : ActivationSettingsText.decode(settings)));
            }
            return activations;
        } catch (RuntimeException unreadable) {
            // Metadata is a hint: a model edited by hand (or written by another tool) is read from its graph alone.
            return List.of();
        }
    }
}
