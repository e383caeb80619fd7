package dev.backprop.core.plugin;

import dev.backprop.api.DuplicatePluginException;
import dev.backprop.api.Plugin;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.text.ClosestMatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The plugins of one kind, by id, with the problems met while collecting them. Immutable once built. */
final class PluginCatalog<T extends Plugin> {

    private static final Logger LOG = LoggerFactory.getLogger(PluginCatalog.class);
    private static final String BUILT_IN_PACKAGE = "dev.backprop.";

    private final PluginKind kind;
    private final SortedMap<PluginId, T> byId;
    private final Map<PluginId, List<PluginOrigin>> duplicates;
    private final List<PluginProblem> problems;

    private PluginCatalog(PluginKind kind, SortedMap<PluginId, T> byId, Map<PluginId, List<PluginOrigin>> duplicates,
                          List<PluginProblem> problems) {
        this.kind = kind;
        this.byId = Collections.unmodifiableSortedMap(byId);
        this.duplicates = Collections.unmodifiableMap(duplicates);
        this.problems = List.copyOf(problems);
    }

    /**
     * Collects {@code plugins}, leaving out (and reporting) those whose {@code id()}, {@code hyperparameters()}
     * or {@code settings()} throws or returns null, refusing third-party claims on bare ids and recording
     * duplicate ids.
     * {@code loadFailures} are problems met before (providers that could not be instantiated).
     */
    static <T extends Plugin> PluginCatalog<T> collect(PluginKind kind, Iterable<? extends T> plugins,
                                                       List<PluginProblem> loadFailures) {
        SortedMap<PluginId, T> byId = new TreeMap<>();
        Map<PluginId, List<PluginOrigin>> duplicates = new LinkedHashMap<>();
        List<PluginProblem> problems = new ArrayList<>(loadFailures);
        for (T plugin : plugins) {
            PluginOrigin origin = PluginOrigin.of(plugin.getClass());
            Optional<String> broken = PluginHealth.problem(plugin);
            if (broken.isPresent()) {
                String message = "Skipped " + kind.word() + " " + origin + ": " + broken.get() + ". Fix that plugin"
                        + " or remove its jar; the other plugins still work.";
                LOG.debug(message);   // the registry warns once about all its problems
                problems.add(new PluginProblem(kind, message));
                continue;
            }
            PluginId id = plugin.id();
            if (id.isBuiltInNamespace() && !plugin.getClass().getName().startsWith(BUILT_IN_PACKAGE)) {
                String message = "Refused " + kind.word() + " " + origin + ": it claims the bare id '" + id
                        + "', which is reserved for Backprop's built-ins. Give it a namespaced id such as 'yourorg." + id + "'.";
                LOG.debug(message);   // the registry warns once about all its problems
                problems.add(new PluginProblem(kind, message));
                continue;
            }
            T earlier = byId.get(id);
            if (earlier != null || duplicates.containsKey(id)) {
                List<PluginOrigin> origins = duplicates.computeIfAbsent(id, k -> new ArrayList<>(
                        List.of(PluginOrigin.of(earlier.getClass()))));
                origins.add(origin);
                byId.remove(id);
                continue;
            }
            LOG.debug("Discovered {} '{}': {}", kind.word(), id, origin);
            byId.put(id, plugin);
        }
        duplicates.forEach((id, origins) -> {
            String message = duplicateMessage(kind, id, origins);
            LOG.debug(message);   // the registry warns once about all its problems
            problems.add(new PluginProblem(kind, message));
        });
        return new PluginCatalog<>(kind, byId, duplicates, problems);
    }

    /** The plugin registered under {@code id}. */
    T get(PluginId id) {
        T plugin = byId.get(id);
        if (plugin != null) {
            return plugin;
        }
        List<PluginOrigin> clash = duplicates.get(id);
        if (clash != null) {
            throw new DuplicatePluginException(duplicateMessage(kind, id, clash));
        }
        throw new UnknownPluginException(unknownIdMessage(kind, id, ids(), problems));
    }

    /** Every usable id, sorted (ambiguous ids excluded). */
    SortedSet<PluginId> ids() {
        return new TreeSet<>(byId.keySet());
    }

    /** The usable plugins by id. */
    SortedMap<PluginId, T> plugins() {
        return byId;
    }

    /** Problems met while collecting. */
    List<PluginProblem> problems() {
        return problems;
    }

    static String duplicateMessage(PluginKind kind, PluginId id, List<PluginOrigin> origins) {
        return "The " + kind.word() + " id '" + id + "' is provided more than once: "
                + origins.stream().map(PluginOrigin::toString).collect(Collectors.joining(" and "))
                + ". Remove all but one of these jars from the classpath or plugins folder.";
    }

    static String unknownIdMessage(PluginKind kind, PluginId id, SortedSet<PluginId> available,
                                   List<PluginProblem> problems) {
        List<String> names = available.stream().map(PluginId::value).collect(Collectors.toList());
        StringBuilder message = new StringBuilder()
                .append("No ").append(kind.word()).append(" with id '").append(id).append("'. Available: ")
                .append(names.isEmpty() ? "(none)" : String.join(", ", names)).append('.')
                .append(ClosestMatch.suggestion(id.value(), names));
        message.append(" A plugin's jar needs a META-INF/services/").append(kind.serviceType().getName())
                .append(" entry.");
        for (PluginProblem problem : problems) {
            message.append(" Note: ").append(problem.message());
        }
        return message.toString();
    }
}
