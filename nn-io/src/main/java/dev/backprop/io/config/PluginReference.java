package dev.backprop.io.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.InvalidPluginException;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.text.ClosestMatch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A plugin as a config file names it: an id as text ({@code adam}), or a mapping with the id and its
 * settings ({@code {id: adam, hyperparameters: {learning_rate: 0.001, amsgrad: true}}}). Reads one,
 * checks it through a resolver so that a registry's error lands at the id or at the offending setting,
 * and writes one back. Settings keep their kind (number, switch or text) both ways.
 *
 * @param id                  the plugin's id
 * @param idNode              where the id was written, for errors
 * @param hyperparameters     the settings written with it, empty if none
 * @param hyperparametersPath the path of its {@code hyperparameters} key, for errors
 */
record PluginReference(PluginId id, ConfigNode idNode, Hyperparameters hyperparameters, String hyperparametersPath) {

    /** The keys of the mapping form. */
    static final List<String> KEYS = List.of("id", "hyperparameters");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Reads {@code node}: an id, or {@code {id, hyperparameters}}.
     *
     * @param idExample      an id to show in a fix
     * @param mappingExample the mapping form to show in a fix
     */
    static PluginReference read(ConfigNode node, String idExample, String mappingExample) {
        if (node.isText()) {
            return new PluginReference(readId(node, idExample), node, Hyperparameters.none(),
                    node.pathOf("hyperparameters"));
        }
        if (!node.isMapping()) {
            throw node.typeError("a plugin id as text, or a mapping with keys " + String.join(", ", KEYS),
                    "write " + idExample + " or " + mappingExample);
        }
        node.requireMapping(KEYS, mappingExample);
        ConfigNode idNode = node.required("id", "id: " + idExample);
        PluginId id = readId(idNode, idExample);
        Hyperparameters hyperparameters = node.optional("hyperparameters")
                .map(h -> h.hyperparameters(mappingExample)).orElse(Hyperparameters.none());
        return new PluginReference(id, idNode, hyperparameters, node.pathOf("hyperparameters"));
    }

    /** A plugin id written as text at {@code node}. */
    static PluginId readId(ConfigNode node, String example) {
        String text = node.textValue(example);
        try {
            return PluginId.of(text);
        } catch (InvalidPluginException e) {
            throw node.wrap(node.path(), e);
        }
    }

    /**
     * Resolves the plugin with its settings, turning the resolver's errors into config errors: at the
     * id for an unknown plugin, at the offending setting for a rejected one (with the closest accepted
     * name for a misspelt one).
     *
     * @param resolver      builds the plugin from settings, throwing the registry's exceptions
     * @param accepted      the setting names the plugin accepts, for the closest match
     * @param unknownAdvice appended to the registry's message for an unknown id ({@code ""} for none)
     */
    void resolve(Function<Hyperparameters, ?> resolver, Supplier<Set<String>> accepted, String unknownAdvice) {
        try {
            resolver.apply(hyperparameters);
        } catch (UnknownPluginException e) {
            throw idNode.wrap(idNode.path(), unknownAdvice.isEmpty() ? e
                    : new UnknownPluginException(e.getMessage() + unknownAdvice, e));
        } catch (InvalidHyperparameterException e) {
            throw atOffendingSetting(resolver, accepted, e);
        } catch (InvalidConfigurationException e) {
            throw idNode.wrap(idNode.path(), new InvalidConfigurationException(e.getMessage() + unknownAdvice, e));
        }
    }

    private ConfigFileException atOffendingSetting(Function<Hyperparameters, ?> resolver,
                                                   Supplier<Set<String>> accepted,
                                                   InvalidHyperparameterException e) {
        Set<String> names = accepted.get();
        for (String name : hyperparameters.names()) {
            if (!names.contains(name)) {
                return idNode.wrap(hyperparametersPath + "." + name, new InvalidHyperparameterException(
                        e.getMessage() + ClosestMatch.suggestion(name, names), e));
            }
        }
        for (String name : hyperparameters.names()) {
            try {
                resolver.apply(Hyperparameters.of(Map.of(name, hyperparameters.value(name))));
            } catch (InvalidHyperparameterException single) {
                return idNode.wrap(hyperparametersPath + "." + name, e);
            }
        }
        return idNode.wrap(hyperparametersPath, e);
    }

    /** A plugin as written: its id as text when it has no settings, else {@code {id, hyperparameters}}. */
    static JsonNode write(PluginId id, Hyperparameters hyperparameters) {
        if (hyperparameters.isEmpty()) {
            return NODES.textNode(id.value());
        }
        ObjectNode node = NODES.objectNode();
        node.put("id", id.value());
        node.set("hyperparameters", writeSettings(hyperparameters));
        return node;
    }

    /** Settings as a mapping: numbers as numbers, switches as {@code true}/{@code false}, text as text. */
    static ObjectNode writeSettings(Hyperparameters hyperparameters) {
        ObjectNode node = NODES.objectNode();
        for (Map.Entry<String, Object> setting : hyperparameters.asMap().entrySet()) {
            Object value = setting.getValue();
            if (value instanceof Boolean flag) {
                node.put(setting.getKey(), flag);
            } else if (value instanceof String text) {
                node.put(setting.getKey(), text);
            } else {
                node.put(setting.getKey(), ((Number) value).doubleValue());
            }
        }
        return node;
    }
}
