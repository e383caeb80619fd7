package dev.backprop.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.activation.Activation;
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
import org.junit.jupiter.api.Test;

/**
 * Tests run on the class path, where ServiceLoader reads META-INF/services; on the module path it
 * reads module-info instead. This keeps the two declarations from drifting apart.
 */
class ModuleDescriptorTest {

    private static final String SERVICE = Activation.class.getName();

    @Test
    void moduleInfo_providesTheSameActivationsAsTheServicesFile() throws IOException, URISyntaxException {
        Path classes = Path.of(Sigmoid.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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

        assertEquals("dev.backprop.activations", descriptor.name());
        assertTrue(descriptor.requires().stream().anyMatch(r -> r.name().equals("dev.backprop.api")));
        assertEquals(fromServicesFile, fromModuleInfo);
        assertEquals(Set.of(Elu.class.getName(), Gelu.class.getName(), HardSigmoid.class.getName(),
                HardTanh.class.getName(), Identity.class.getName(), LeakyRelu.class.getName(),
                Mish.class.getName(), Relu.class.getName(), Relu6.class.getName(), Selu.class.getName(),
                Sigmoid.class.getName(), Silu.class.getName(), Softplus.class.getName(),
                Softsign.class.getName(), Tanh.class.getName()), fromModuleInfo);
    }
}
