package dev.backprop.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.DuplicatePluginException;
import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidHyperparameterException;
import dev.backprop.api.PluginId;
import dev.backprop.api.UnknownPluginException;
import dev.backprop.api.activation.Activation;
import dev.backprop.core.network.Network;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.example.plugins.ThirdPartyActivations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    @TempDir
    Path pluginFolder;

    @Test
    void discovered_findsBuiltInsThroughServiceLoader() {
        PluginRegistry registry = PluginRegistry.discovered();
        assertTrue(registry.ids(PluginKind.ACTIVATION).containsAll(ids("sigmoid", "tanh", "relu", "identity")));
        assertTrue(registry.ids(PluginKind.LOSS).containsAll(ids("mse", "categorical_cross_entropy")));
        assertTrue(registry.ids(PluginKind.OPTIMIZER).containsAll(ids("sgd", "momentum", "adam")));
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
        assertEquals(PluginId.of("relu"), registry.activation("relu").id());
    }

    @Test
    void registry_unknownId_listsAvailableIdsAndSuggestsClosest() {
        UnknownPluginException e = assertThrows(UnknownPluginException.class,
                () -> PluginRegistry.discovered().activation("rleu"));
        assertTrue(e.getMessage().startsWith("No activation with id 'rleu'. Available: "), e.getMessage());
        assertTrue(availableIds(e.getMessage()).containsAll(List.of("identity", "relu", "sigmoid", "tanh")),
                e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'relu'?"), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/services/dev.backprop.api.activation.Activation"), e.getMessage());
    }

    @Test
    void registry_unknownIdFarFromAll_suggestsNothing() {
        UnknownPluginException e = assertThrows(UnknownPluginException.class,
                () -> PluginRegistry.discovered().optimizer("levenberg_marquardt"));
        assertFalse(e.getMessage().contains("Did you mean"), e.getMessage());
        assertTrue(availableIds(e.getMessage()).containsAll(List.of("adam", "momentum", "sgd")), e.getMessage());
    }

    @Test
    void networkBuilder_unknownActivation_offersCoreSoftmaxToo() {
        UnknownPluginException e = assertThrows(UnknownPluginException.class,
                () -> Network.builder().input(3).dense(2, "sofmax").build());
        assertTrue(availableIds(e.getMessage()).containsAll(List.of("relu", "sigmoid", "softmax")), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'softmax'?"), e.getMessage());
    }

    @Test
    void registry_duplicateId_namesBothClassesAndTheirJars() {
        PluginRegistry registry = PluginRegistry.of(
                List.of(new ThirdPartyActivations.Swish(), new ThirdPartyActivations.OtherSwish()), List.of(), List.of());
        DuplicatePluginException e = assertThrows(DuplicatePluginException.class, () -> registry.activation("acme.swish"));
        assertTrue(e.getMessage().startsWith("The activation id 'acme.swish' is provided more than once: "
                + "org.example.plugins.ThirdPartyActivations$Swish (from "), e.getMessage());
        assertTrue(e.getMessage().contains("and org.example.plugins.ThirdPartyActivations$OtherSwish (from "), e.getMessage());
        assertTrue(e.getMessage().contains("test-classes"), "names the location: " + e.getMessage());
        assertEquals(1, registry.problems().size());
    }

    @Test
    void registry_thirdPartyClaimingBareId_isRefusedNamingTheClass() {
        PluginRegistry registry = PluginRegistry.of(List.of(new ThirdPartyActivations.BareRelu()), List.of(), List.of());
        assertFalse(registry.ids(PluginKind.ACTIVATION).contains(PluginId.of("relu")));
        String problem = registry.problems().get(0).message();
        assertTrue(problem.startsWith("Refused activation org.example.plugins.ThirdPartyActivations$BareRelu (from "),
                problem);
        assertTrue(problem.contains("claims the bare id 'relu', which is reserved for Backprop's built-ins."
                + " Give it a namespaced id such as 'yourorg.relu'."), problem);
    }

    @Test
    void registry_providerThatFailsToLoad_isReportedAndOthersStillLoad() throws IOException {
        PluginRegistry registry = discoverFromFolder(ThirdPartyActivations.Broken.class, ThirdPartyActivations.Swish.class);
        assertEquals(PluginId.of("acme.swish"), registry.activation("acme.swish").id());
        assertEquals(PluginId.of("sigmoid"), registry.activation("sigmoid").id());
        assertEquals(1, registry.problems().size());
        String problem = registry.problems().get(0).message();
        assertTrue(problem.startsWith("Skipped an activation plugin that failed to load:"
                + " org.example.plugins.ThirdPartyActivations$Broken (from file:"), problem);
        assertTrue(problem.endsWith(": its constructor threw IllegalStateException: native library acme-fast missing."
                + " Fix that plugin or remove its jar; the other plugins still work."), problem);
        UnknownPluginException e = assertThrows(UnknownPluginException.class, () -> registry.activation("acme.broken"));
        assertTrue(e.getMessage().contains("native library acme-fast missing"), "repeats the load failure: " + e.getMessage());
    }

    @Test
    void discover_fromFolderClassLoader_findsThirdPartyNamespacedPlugin() throws IOException {
        PluginRegistry registry = discoverFromFolder(ThirdPartyActivations.Swish.class);
        Activation swish = registry.activation("acme.swish");
        assertEquals("org.example.plugins.ThirdPartyActivations$Swish", swish.getClass().getName());
        assertTrue(registry.problems().isEmpty());
    }

    @Test
    void discover_withOneLoaderPerJar_findsEachJarsPluginsOnceAndBuiltInsOnce(@TempDir Path second) throws IOException {
        URLClassLoader first = folderLoader(pluginFolder, ThirdPartyActivations.Swish.class);
        URLClassLoader other = folderLoader(second, ThirdPartyActivations.Swish.class,
                ThirdPartyActivations.OtherSwish.class);

        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), List.of(first, other));

        assertEquals(PluginId.of("sigmoid"), registry.activation("sigmoid").id());
        DuplicatePluginException e = assertThrows(DuplicatePluginException.class, () -> registry.activation("acme.swish"));
        assertTrue(e.getMessage().contains("ThirdPartyActivations$Swish") && e.getMessage().contains("$OtherSwish"),
                e.getMessage());
        assertEquals(1, registry.problems().size(), "built-ins seen through every jar's parent are not duplicates: "
                + registry.problems());
    }

    @Test
    void registry_unknownHyperparameter_namesItAndTheAcceptedOnes() {
        InvalidHyperparameterException e = assertThrows(InvalidHyperparameterException.class,
                () -> PluginRegistry.discovered().optimizer(PluginId.of("sgd"), Hyperparameters.of("learning_rat", 0.1)));
        assertTrue(e.getMessage().contains("has no hyperparameter 'learning_rat'. It accepts: learning_rate."),
                e.getMessage());
    }

    private static URLClassLoader folderLoader(Path folder, Class<?>... activations) throws IOException {
        Path services = folder.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> type : activations) {
            lines.append(type.getName()).append('\n');
        }
        Files.writeString(services.resolve(Activation.class.getName()), lines);
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, PluginRegistryTest.class.getClassLoader());
    }

    private PluginRegistry discoverFromFolder(Class<?>... activations) throws IOException {
        Path services = pluginFolder.resolve("META-INF/services");
        Files.createDirectories(services);
        StringBuilder lines = new StringBuilder();
        for (Class<?> type : activations) {
            lines.append(type.getName()).append('\n');
        }
        Files.writeString(services.resolve(Activation.class.getName()), lines);
        URLClassLoader loader = new URLClassLoader(new URL[] {pluginFolder.toUri().toURL()}, getClass().getClassLoader());
        return PluginRegistry.discover(loader);
    }

    /** The ids listed after "Available: " up to the first period. */
    private static List<String> availableIds(String message) {
        int start = message.indexOf("Available: ") + "Available: ".length();
        return List.of(message.substring(start, message.indexOf('.', start)).split(", "));
    }

    private static List<PluginId> ids(String... values) {
        return Arrays.stream(values).map(PluginId::of).toList();
    }
}
