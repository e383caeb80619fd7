package dev.backprop.io.model;

import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.core.plugin.PluginKind;
import java.nio.file.Path;

/**
 * The one wording for a model or checkpoint that needs a plugin which is not installed: the command
 * line's fix first ({@code --plugins DIR} with the jar that provides the id), then the library's, in a
 * couple of lines; the registry's own message (the installed ids, the service file a jar needs) stays
 * the exception's cause. A bare id is a built-in, which no plugin jar provides, so it asks for a newer
 * Backprop, or in code a registry that has it (one made with {@code PluginRegistry.of} may leave it out).
 */
final class MissingPlugin {

    private MissingPlugin() {
    }

    /**
     * @param where what needs it, such as {@code "layer 2"} or {@code "layers 1, 3"}; empty for the run
     *              as a whole (a loss or optimizer)
     */
    static ModelFormatException of(Path file, PluginKind kind, PluginId id, String where,
                                   UnknownPluginException cause) {
        String needs = "Model file " + file + " needs the " + kind.word() + " '" + id + "'"
                + (where.isEmpty() ? "" : " (" + where + ")") + ", which is not installed: ";
        String fix = id.isBuiltInNamespace()
                ? "it is a built-in this Backprop lacks, so upgrade Backprop (in code: load with a PluginRegistry"
                        + " that has it, such as PluginRegistry.discovered())."
                : "add --plugins DIR with the jar that provides '" + id + "' (in code: put that jar on the"
                        + " classpath, or load with a PluginRegistry that has it).";
        return new ModelFormatException(needs + fix, cause);
    }
}
