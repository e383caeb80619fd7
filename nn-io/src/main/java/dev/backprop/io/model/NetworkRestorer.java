package dev.backprop.io.model;

import dev.backprop.api.BackpropException;
import dev.backprop.api.DuplicatePluginException;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.network.LayerSpec;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.NetworkSpec;
import dev.backprop.core.network.Parameter;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Turns a verified {@link SavedModel} back into a {@link Network}: builds the architecture through a
 * plugin registry, then copies the saved tensors into the network's live parameters after checking
 * that each one's name and shape match.
 */
final class NetworkRestorer {

    /** Core's row-wise softmax, which is resolved without the registry. */
    private static final PluginId SOFTMAX = PluginId.of("softmax");
    /** The seed for the throw-away initial weights; every one of them is overwritten. */
    private static final long UNUSED_SEED = 0;

    private NetworkRestorer() {
    }

    /**
     * @throws ModelFormatException naming the file and, where one is to blame, the layer: for an
     *                              activation that is not installed or rejects its saved settings, or
     *                              saved tensors that do not fit the architecture
     */
    static Network restore(SavedModel model, PluginRegistry registry, Path file) {
        Network network = build(model.spec(), registry, file);
        copyParameters(model.parameters(), network, file);
        return network;
    }

    private static Network build(NetworkSpec spec, PluginRegistry registry, Path file) {
        try {
            return Network.create(spec, registry, UNUSED_SEED);
        } catch (UnknownPluginException e) {
            throw missingActivation(spec, registry, file, e);
        } catch (InvalidHyperparameterException | DuplicatePluginException e) {
            String layer = firstFailingLayer(spec, registry).map(i -> "layer " + (i + 1) + " (activation '"
                    + spec.layers().get(i).activation() + "'" + SettingsText.of(spec.layers().get(i)
                    .activationHyperparameters()) + ")").orElse("one of its layers");
            throw new ModelFormatException("Model file " + file + " cannot be loaded because " + layer
                    + " cannot be set up with the installed plugins: " + e.getMessage()
                    + " Install the plugin version the model was saved with.", e);
        } catch (BackpropException e) {
            throw new ModelFormatException("Model file " + file + " describes a network this Backprop cannot build: "
                    + e.getMessage() + " It may have been written by a newer Backprop: upgrade Backprop, or save the"
                    + " model again with this version.", e);
        }
    }

    private static ModelFormatException missingActivation(NetworkSpec spec, PluginRegistry registry, Path file,
                                                          UnknownPluginException e) {
        List<PluginId> installed = List.copyOf(registry.ids(PluginKind.ACTIVATION));
        Optional<PluginId> missing = spec.layers().stream().map(LayerSpec::activation)
                .filter(id -> !SOFTMAX.equals(id) && !installed.contains(id)).findFirst();
        if (missing.isEmpty()) {
            return new ModelFormatException("Model file " + file + " describes a network this Backprop cannot build: "
                    + e.getMessage() + " Install the plugin jar it was saved with (a third-party initialiser, say),"
                    + " or upgrade Backprop.", e);
        }
        PluginId id = missing.get();
        StringBuilder layers = new StringBuilder();
        for (int i = 0; i < spec.layers().size(); i++) {
            if (spec.layers().get(i).activation().equals(id)) {
                layers.append(layers.length() == 0 ? "" : ", ").append(i + 1);
            }
        }
        boolean several = layers.indexOf(",") >= 0;
        return MissingPlugin.of(file, PluginKind.ACTIVATION, id, (several ? "layers " : "layer ") + layers, e);
    }

    /** The first layer whose activation the registry cannot resolve with its saved settings. */
    private static Optional<Integer> firstFailingLayer(NetworkSpec spec, PluginRegistry registry) {
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            if (SOFTMAX.equals(layer.activation())) {
                continue;
            }
            try {
                registry.activation(layer.activation(), layer.activationHyperparameters());
            } catch (BackpropException e) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private static void copyParameters(List<Parameter> saved, Network network, Path file) {
        List<Parameter> live = network.parameters();
        if (saved.size() != live.size()) {
            throw new ModelFormatException("Model file " + file + " holds " + saved.size() + " parameter tensors but"
                    + " its architecture (" + network.spec().layers().size() + " layers) needs " + live.size()
                    + " (weights and biases per layer). The file is inconsistent: save the model again.");
        }
        for (int i = 0; i < live.size(); i++) {
            Parameter from = saved.get(i);
            Parameter to = live.get(i);
            if (!from.name().equals(to.name()) || from.rows() != to.rows() || from.columns() != to.columns()) {
                throw new ModelFormatException("Model file " + file + " holds parameter " + (i + 1) + " as '"
                        + from.name() + "' " + from.rows() + " × " + from.columns() + " but its architecture expects '"
                        + to.name() + "' " + to.rows() + " × " + to.columns()
                        + ". The file is inconsistent: save the model again.");
            }
            System.arraycopy(from.values(), 0, to.values(), 0, to.size());
        }
    }
}
