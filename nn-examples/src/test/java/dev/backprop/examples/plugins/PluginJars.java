package dev.backprop.examples.plugins;

import dev.backprop.api.activation.Activation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.thirdparty.testplugin.SoftCube;

/** Builds plugin jars for tests from already-compiled test classes, with their services entry. */
public final class PluginJars {

    private PluginJars() {
    }

    /** Writes {@code folder/name} holding {@link SoftCube} and a services file naming it; returns the jar. */
    public static Path softCubeJar(Path folder, String name) {
        return activationJar(folder, name, SoftCube.class);
    }

    /**
     * Writes {@code folder/name} holding the compiled {@code activations} and an activation services file
     * naming them in order; returns the jar.
     */
    public static Path activationJar(Path folder, String name, Class<?>... activations) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : activations) {
            names.add(type.getName());
        }
        return jar(folder, name, List.of(activations), names);
    }

    /**
     * Writes {@code folder/name} whose activation services file names {@code className}, a class the jar
     * does not hold; returns the jar.
     */
    public static Path missingClassJar(Path folder, String name, String className) {
        return jar(folder, name, List.of(), List.of(className));
    }

    private static Path jar(Path folder, String name, List<Class<?>> classes, List<String> services) {
        Path jar = folder.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (Class<?> type : classes) {
                String classEntry = type.getName().replace('.', '/') + ".class";
                try (InputStream classBytes = type.getClassLoader().getResourceAsStream(classEntry)) {
                    if (classBytes == null) {
                        throw new IllegalStateException("compiled test class not found: " + classEntry);
                    }
                    out.putNextEntry(new JarEntry(classEntry));
                    classBytes.transferTo(out);
                    out.closeEntry();
                }
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + Activation.class.getName()));
            out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
