package dev.backprop.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.optimizer.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Tests run on the class path, where ServiceLoader reads META-INF/services; on the module path it
 * reads module-info instead. This keeps the two declarations from drifting apart.
 */
class ModuleDescriptorTest {

    private static final String SERVICE = Optimizer.class.getName();

    @Test
    void moduleInfo_providesTheSameOptimizersAsTheServicesFile() throws IOException, URISyntaxException {
        Path classes = Path.of(Sgd.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        List<String> servicesFile = Files.readAllLines(classes.resolve("META-INF/services/" + SERVICE));

        Set<String> fromModuleInfo = descriptor.provides().stream()
                .filter(p -> p.service().equals(SERVICE))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> fromServicesFile = servicesFile.stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals("dev.backprop.optimizers", descriptor.name());
        assertTrue(descriptor.requires().stream().anyMatch(r -> r.name().equals("dev.backprop.api")));
        assertEquals(fromServicesFile, fromModuleInfo);
        Set<String> builtIns = Stream.of(Adadelta.class, Adagrad.class, Adam.class, Adamax.class, AdamW.class,
                        Momentum.class, Nadam.class, Nesterov.class, Rmsprop.class, Sgd.class)
                .map(Class::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(builtIns, fromModuleInfo);
    }
}
