package dev.backprop.examples.plugins;

import dev.backprop.api.activation.Activation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.thirdparty.testplugin.SoftCube;

/** Builds plugin jars for tests from already-compiled test classes, with their services entry. */
public final class PluginJars {

    private PluginJars() {
    }

    /** Writes {@code folder/name} holding {@link SoftCube} and a services file naming it; returns the jar. */
    public static Path softCubeJar(Path folder, String name) {
        Path jar = folder.resolve(name);
        String classEntry = SoftCube.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             InputStream classBytes = SoftCube.class.getClassLoader().getResourceAsStream(classEntry)) {
            if (classBytes == null) {
                throw new IllegalStateException("compiled test class not found: " + classEntry);
            }
            out.putNextEntry(new JarEntry(classEntry));
            classBytes.transferTo(out);
            out.closeEntry();
            out.putNextEntry(new JarEntry("META-INF/services/" + Activation.class.getName()));
            out.write((SoftCube.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }
}
