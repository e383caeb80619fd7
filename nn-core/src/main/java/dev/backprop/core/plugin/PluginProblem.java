package dev.backprop.core.plugin;

/**
 * Something that went wrong while discovering plugins: a provider that failed to load, a duplicate
 * id, or a third-party plugin claiming a bare id. Discovery goes on past each problem.
 *
 * @param kind    the plugin kind being discovered
 * @param message what happened and how to fix it
 */
public record PluginProblem(PluginKind kind, String message) {
}
