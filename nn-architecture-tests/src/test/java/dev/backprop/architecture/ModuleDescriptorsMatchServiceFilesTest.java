package dev.backprop.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Backprop registers every plugin twice: {@code provides} in {@code module-info} for the module path
 * and {@code META-INF/services} for the classpath. For each Backprop module on the test classpath
 * this reads both from the same jar or classes directory and requires them to list the same
 * implementations, so the two ways of running Backprop always find the same plugins.
 */
class ModuleDescriptorsMatchServiceFilesTest {

    private static final String SERVICES = "META-INF/services";

    /** Modules that register plugins; the check is pointless if the classpath lost one of them. */
    private static final Set<String> PLUGIN_MODULES = Set.of("dev.backprop.core", "dev.backprop.activations",
            "dev.backprop.optimizers", "com.example.backprop.plugin");

    @TestFactory
    Stream<DynamicTest> everyModule_providesExactlyWhatItsServiceFilesList() throws IOException {
        return backpropModules().entrySet().stream()
                .map(module -> DynamicTest.dynamicTest(module.getKey(),
                        () -> assertProvidesMatchServiceFiles(module.getKey(), module.getValue())));
    }

    @Test
    void classpath_holdsEveryModuleThatRegistersPlugins() throws IOException {
        Set<String> found = backpropModules().keySet();
        assertTrue(found.containsAll(PLUGIN_MODULES),
                () -> "expected module-info.class for " + new TreeSet<>(PLUGIN_MODULES) + " on the test classpath,"
                        + " found " + found + ": check this module's dependencies");
    }

    /** Module name to the root (jar or classes directory) its module-info.class came from. */
    private Map<String, URI> backpropModules() throws IOException {
        Map<String, URI> modules = new TreeMap<>();
        List<URL> descriptors = Collections.list(getClass().getClassLoader().getResources("module-info.class"));
        for (URL descriptor : descriptors) {
            String name;
            try (InputStream in = descriptor.openStream()) {
                name = ModuleDescriptor.read(in).name();
            }
            if (!name.startsWith("dev.backprop.") && !name.startsWith("com.example.backprop.")) {
                continue;
            }
            URI root = rootOf(descriptor);
            URI previous = modules.putIfAbsent(name, root);
            if (previous != null) {
                fail("module " + name + " is on the classpath twice: " + previous + " and " + root);
            }
        }
        return modules;
    }

    private static void assertProvidesMatchServiceFiles(String moduleName, URI root) throws IOException {
        try (Root files = Root.open(root)) {
            ModuleDescriptor descriptor;
            try (InputStream in = Files.newInputStream(files.path().resolve("module-info.class"))) {
                descriptor = ModuleDescriptor.read(in);
            }
            Map<String, SortedSet<String>> declared = new TreeMap<>();
            for (ModuleDescriptor.Provides provides : descriptor.provides()) {
                declared.put(provides.service(), new TreeSet<>(provides.providers()));
            }
            Map<String, SortedSet<String>> listed = serviceFiles(files.path().resolve(SERVICES));

            List<String> problems = new ArrayList<>();
            Set<String> services = new TreeSet<>(declared.keySet());
            services.addAll(listed.keySet());
            for (String service : services) {
                SortedSet<String> inModuleInfo = declared.get(service);
                SortedSet<String> inServiceFile = listed.get(service);
                if (inServiceFile == null) {
                    problems.add("module-info provides " + service + " with " + inModuleInfo
                            + " but there is no " + SERVICES + "/" + service + ": add it, one class per line");
                } else if (inModuleInfo == null) {
                    problems.add(SERVICES + "/" + service + " lists " + inServiceFile
                            + " but module-info has no 'provides " + service + "': add it, or delete the file");
                } else if (!inModuleInfo.equals(inServiceFile)) {
                    problems.add(service + ": only in module-info " + minus(inModuleInfo, inServiceFile)
                            + ", only in " + SERVICES + "/" + service + " " + minus(inServiceFile, inModuleInfo)
                            + ": make both list the same classes");
                }
            }
            assertTrue(problems.isEmpty(), () -> "module " + moduleName + " (" + root
                    + ") registers different plugins on the module path and on the classpath:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** Service interface name to the implementation classes its file lists (ServiceLoader's syntax). */
    private static Map<String, SortedSet<String>> serviceFiles(Path directory) throws IOException {
        Map<String, SortedSet<String>> services = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return services;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                SortedSet<String> providers = new TreeSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int comment = line.indexOf('#');
                    String provider = (comment >= 0 ? line.substring(0, comment) : line).strip();
                    if (!provider.isEmpty()) {
                        providers.add(provider);
                    }
                }
                services.put(file.getFileName().toString(), providers);
            }
        }
        return services;
    }

    private static SortedSet<String> minus(Set<String> left, Set<String> right) {
        SortedSet<String> difference = new TreeSet<>(left);
        difference.removeAll(right);
        return difference;
    }

    /** {@code jar:file:/x.jar!/module-info.class} to {@code file:/x.jar}; {@code file:/dir/module-info.class} to {@code file:/dir/}. */
    private static URI rootOf(URL descriptor) {
        String url = descriptor.toString();
        String root = url.substring(0, url.length() - "module-info.class".length());
        if (root.startsWith("jar:") && root.endsWith("!/")) {
            root = root.substring("jar:".length(), root.length() - "!/".length());
        }
        try {
            return new URI(root);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read classpath entry " + url, e);
        }
    }

    /** A classes directory, or a jar opened as a file system; either way a {@link Path} to its root. */
    private record Root(Path path, FileSystem jar) implements AutoCloseable {

        static Root open(URI root) throws IOException {
            Path location = Path.of(root);
            if (Files.isDirectory(location)) {
                return new Root(location, null);
            }
            FileSystem jar = FileSystems.newFileSystem(location);
            return new Root(jar.getPath("/"), jar);
        }

        @Override
        public void close() {
            if (jar != null) {
                try {
                    jar.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
