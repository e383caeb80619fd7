package dev.backprop.core.plugin;

import java.net.URL;
import java.security.CodeSource;

/**
 * Where a plugin came from: its implementing class and the jar or folder that class was loaded from.
 *
 * @param className the plugin's implementing class
 * @param location  the jar or directory it was loaded from, or {@code "unknown location"}
 */
public record PluginOrigin(String className, String location) {

    /** The origin of {@code type}. */
    public static PluginOrigin of(Class<?> type) {
        CodeSource source = type.getProtectionDomain() == null ? null : type.getProtectionDomain().getCodeSource();
        URL url = source == null ? null : source.getLocation();
        return new PluginOrigin(type.getName(), url == null ? "unknown location" : url.toString());
    }

    @Override
    public String toString() {
        return className + " (from " + location + ")";
    }
}
