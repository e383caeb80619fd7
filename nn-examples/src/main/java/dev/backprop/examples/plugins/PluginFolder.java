package dev.backprop.examples.plugins;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A folder of plugin jars ({@code --plugins DIR}): every {@code *.jar} directly in it, loaded by one
 * {@link URLClassLoader} whose parent is the application class loader, so the registry holds the
 * built-ins (seen through the parent) and the folder's plugins, each discovered once.
 *
 * <p>One loader for the whole folder, not one per jar: {@link java.util.ServiceLoader} asks a loader's
 * parent first, so discovering jar by jar would find every built-in once per jar and report them all
 * as duplicates, and {@link PluginRegistry#discover(ClassLoader)} takes a single loader. The jars of a
 * folder therefore share one name space (as jars on one classpath do). The loader stays open for the
 * life of the program, since the registry's plugins run code from it.
 */
public final class PluginFolder {

    private PluginFolder() {
    }

    /** The built-ins plus every plugin in the jars directly inside {@code folder}. */
    public static PluginRegistry registry(Path folder) {
        List<Path> jars = jars(folder);
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new InvalidConfigurationException("Cannot turn plugin jar " + jars.get(i) + " into a URL: "
                        + e.getMessage() + ". Rename or move the jar.", e);
            }
        }
        URLClassLoader loader = new URLClassLoader("backprop-plugins", urls, PluginFolder.class.getClassLoader());
        return PluginRegistry.discover(loader);
    }

    /**
     * The {@code *.jar} files directly inside {@code folder}, sorted by name.
     *
     * @throws InvalidConfigurationException if {@code folder} is missing, not a folder or holds no jar
     */
    public static List<Path> jars(Path folder) {
        Path shown = folder.toAbsolutePath().normalize();
        if (!Files.exists(folder)) {
            throw new InvalidConfigurationException("--plugins expects a folder of plugin jars, but " + shown
                    + " does not exist. Give the folder that holds your *.jar files, such as --plugins"
                    + " nn-examples-plugin/target.");
        }
        if (!Files.isDirectory(folder)) {
            throw new InvalidConfigurationException("--plugins expects a folder of plugin jars, but " + shown
                    + " is a file. Give the folder that holds it instead: --plugins " + shown.getParent() + ".");
        }
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            entries.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p))
                    .sorted()
                    .forEach(jars::add);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the plugins folder " + shown + ": " + e.getMessage(), e);
        }
        if (jars.isEmpty()) {
            throw new InvalidConfigurationException("--plugins expects a folder of plugin jars, but " + shown
                    + " holds no *.jar file. Build your plugin (./mvnw -q -B package -pl nn-examples-plugin puts"
                    + " the example's jar in nn-examples-plugin/target) and point --plugins at its folder.");
        }
        return List.copyOf(jars);
    }
}
