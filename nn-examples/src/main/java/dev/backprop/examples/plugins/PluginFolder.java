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
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder of plugin jars ({@code --plugins DIR}): every {@code *.jar} directly in it, each loaded by
 * its own {@link URLClassLoader} whose parent is the application class loader, so two jars never see
 * each other's classes. The registry holds the built-ins (found once, through the application loader)
 * and, per jar, only the plugins that jar itself defines ({@link PluginRegistry#discover(ClassLoader,
 * List)}). The loaders stay open for the life of the program, since the plugins run code from them.
 *
 * <p>A jar that cannot be read as a jar (empty, truncated, random bytes) is skipped with a
 * {@linkplain Loaded#problems() problem} that says so, and the other jars still load: the class loader
 * would otherwise skip it without a word.
 */
public final class PluginFolder {

    private static final Logger LOG = LoggerFactory.getLogger(PluginFolder.class);

    /**
     * What a folder gave.
     *
     * @param registry the built-ins plus the plugins of the readable jars
     * @param problems one line per jar that was skipped: which, why and what to do
     */
    public record Loaded(PluginRegistry registry, List<String> problems) {
        /** Copies the list. */
        public Loaded {
            problems = List.copyOf(problems);
        }
    }

    private PluginFolder() {
    }

    /** The built-ins plus every plugin in the readable jars directly inside {@code folder}. */
    public static PluginRegistry registry(Path folder) {
        return load(folder).registry();
    }

    /** The built-ins plus every plugin in the readable jars directly inside {@code folder}, and the jars skipped. */
    public static Loaded load(Path folder) {
        return load(List.of(folder));
    }

    /**
     * The built-ins plus every plugin in the readable jars directly inside each of {@code folders}, and the
     * jars skipped. A folder given twice counts once.
     */
    public static Loaded load(List<Path> folders) {
        List<Path> jars = new ArrayList<>();
        for (Path folder : folders.stream().map(f -> f.toAbsolutePath().normalize()).distinct().toList()) {
            jars.addAll(jars(folder));
        }
        ClassLoader application = PluginFolder.class.getClassLoader();
        List<ClassLoader> loaders = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path jar : jars) {
            String unreadable = unreadable(jar);
            if (unreadable != null) {
                String problem = "Skipped the plugin jar " + jar.toAbsolutePath().normalize() + ": " + unreadable
                        + ". Rebuild it (a plugin jar is a zip with META-INF/services entries), or remove it from"
                        + " the folder.";
                LOG.debug(problem); // the command line reports it once, from problems()
                problems.add(problem);
                continue;
            }
            try {
                loaders.add(new URLClassLoader("backprop-plugin:" + jar.getFileName(), new URL[] {jar.toUri().toURL()},
                        application));
            } catch (MalformedURLException e) {
                throw new InvalidConfigurationException("Cannot turn plugin jar " + jar + " into a URL: "
                        + e.getMessage() + ". Rename or move the jar.", e);
            }
        }
        return new Loaded(PluginRegistry.discover(application, loaders), problems);
    }

    /** Why {@code jar} cannot be opened as a jar, or null when it can. */
    private static String unreadable(Path jar) {
        try {
            if (Files.size(jar) == 0) {
                return "it is empty (0 bytes)";
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                file.getManifest(); // reads the central directory and the manifest, if any
            }
            return null;
        } catch (IOException | SecurityException e) {
            return "it is not a readable jar (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")";
        }
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
