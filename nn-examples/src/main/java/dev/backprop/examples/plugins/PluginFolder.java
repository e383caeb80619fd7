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
 * A folder of plugin jars ({@code --plugins DIR}): every {@code *.jar} directly in it, each loaded by
 * its own {@link URLClassLoader} whose parent is the application class loader, so two jars never see
 * each other's classes. The registry holds the built-ins (found once, through the application loader)
 * and, per jar, only the plugins that jar itself defines ({@link PluginRegistry#discover(ClassLoader,
 * List)}). The loaders stay open for the life of the program, since the plugins run code from them.
 */
public final class PluginFolder {

    private PluginFolder() {
    }

    /** The built-ins plus every plugin in the jars directly inside {@code folder}. */
    public static PluginRegistry registry(Path folder) {
        List<Path> jars = jars(folder);
        ClassLoader application = PluginFolder.class.getClassLoader();
        List<ClassLoader> loaders = new ArrayList<>();
        for (Path jar : jars) {
            try {
                loaders.add(new URLClassLoader("backprop-plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                        application));
            } catch (MalformedURLException e) {
                throw new InvalidConfigurationException("Cannot turn plugin jar " + jar + " into a URL: "
                        + e.getMessage() + ". Rename or move the jar.", e);
            }
        }
        return PluginRegistry.discover(application, loaders);
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
