package dev.backprop.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.InvalidPluginException;
import dev.backprop.api.PluginId;
import dev.backprop.api.activation.Activation;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import org.example.plugins.FailingPlugins;
import org.example.plugins.ThirdPartyActivations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a plugin can fail becomes one problem with its root cause, and every other plugin keeps working. */
class PluginFailuresTest {

    private static final String SWISH = ThirdPartyActivations.Swish.class.getName();

    @TempDir
    Path folder;

    @Test
    void staticInitialiserThatThrows_isOneProblemWithTheRootCause_thenFailedEarlierOnTheNextDiscovery()
            throws IOException {
        URLClassLoader loader = folderLoader(folder, FailingPlugins.StaticInitBoom.class.getName(), SWISH);

        PluginRegistry first = PluginRegistry.discover(loader);
        assertWorks(first);
        assertEquals(List.of("Skipped an activation plugin that failed to load: " + origin(FailingPlugins.StaticInitBoom.class)
                + ": its static initialiser threw IllegalStateException: boom. Fix that plugin or remove its jar;"
                + " the other plugins still work."), messages(first));

        PluginRegistry second = PluginRegistry.discover(loader);
        assertWorks(second);
        assertEquals(1, second.problems().size(), second.problems().toString());
        String again = messages(second).get(0);
        assertTrue(again.startsWith("Skipped an activation plugin that failed to load: "
                + origin(FailingPlugins.StaticInitBoom.class) + ": its static initialiser failed earlier ("), again);
        assertTrue(again.contains("boom") || again.contains("Could not initialize class"), "names the first failure"
                + " (JDKs that keep its cause) or the class: " + again);
    }

    @Test
    void problems_areLoggedOnce_asOneWarningWithTheCountAndEveryMessage_andEachAtDebug() throws IOException {
        ch.qos.logback.classic.Logger plugins = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("dev.backprop.core.plugin");
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events =
                new ch.qos.logback.core.read.ListAppender<>();
        ch.qos.logback.classic.Level before = plugins.getLevel();
        plugins.setLevel(ch.qos.logback.classic.Level.DEBUG);
        events.start();
        plugins.addAppender(events);
        try {
            PluginRegistry registry = PluginRegistry.discover(folderLoader(folder,
                    FailingPlugins.WrappedCause.class.getName(), "org.example.plugins.NoSuchClass", SWISH));
            assertWorks(registry);
            assertEquals(2, registry.problems().size(), registry.problems().toString());

            List<String> warnings = events.list.stream()
                    .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("Plugin discovery met 2 problems (each plugin concerned is left out,"
                    + " the others work; PluginRegistry.problems() lists them): 1. "), warnings.get(0));
            for (PluginProblem problem : registry.problems()) {
                assertTrue(warnings.get(0).contains(problem.message()), warnings.get(0));
                assertEquals(1, events.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.DEBUG
                        && e.getFormattedMessage().equals(problem.message())).count(), problem.message());
            }

            events.list.clear();
            PluginRegistry.of(List.of(), List.of(), List.of());
            assertTrue(events.list.stream().noneMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN),
                    "no problems, no warning: " + events.list);
        } finally {
            plugins.detachAppender(events);
            plugins.setLevel(before);
        }
    }

    @Test
    void constructorThrowingAWrappedException_reportsTheInnermostCause() throws IOException {
        PluginRegistry registry = PluginRegistry.discover(folderLoader(folder, FailingPlugins.WrappedCause.class.getName(),
                SWISH));
        assertWorks(registry);
        assertEquals(List.of("Skipped an activation plugin that failed to load: " + origin(FailingPlugins.WrappedCause.class)
                + ": its constructor threw IOException: disk on fire. Fix that plugin or remove its jar; the other"
                + " plugins still work."), messages(registry));
    }

    @Test
    void missingDependency_saysWhichClassIsMissing() throws IOException {
        PluginRegistry registry = PluginRegistry.discover(folderLoader(folder,
                FailingPlugins.MissingDependency.class.getName(), SWISH));
        assertWorks(registry);
        assertEquals(1, registry.problems().size());
        assertTrue(messages(registry).get(0).contains("FailingPlugins$MissingDependency (from file:"), messages(registry).get(0));
        assertTrue(messages(registry).get(0).contains(": a class it needs is missing (NoClassDefFoundError:"
                + " org/acme/fast/NativeLib): add the jar that provides it."), messages(registry).get(0));
    }

    @Test
    void servicesFileNamingAMissingClass_isOneProblemNamingTheClassAndTheJar_andTheNextLineStillLoads()
            throws IOException {
        PluginRegistry registry = PluginRegistry.discover(folderLoader(folder, "org.example.plugins.NoSuchPlugin", SWISH));
        assertWorks(registry);
        assertEquals(List.of("Skipped an activation plugin that failed to load: Provider org.example.plugins.NoSuchPlugin"
                + " not found, in " + folder.toUri().toURL()
                + ". Check META-INF/services/dev.backprop.api.activation.Activation: each line must name a public class"
                + " with a public no-argument constructor that implements it, in that jar or one it can see."),
                messages(registry));
    }

    @Test
    void servicesFileNamingAClassOfTheWrongType_isOneProblem() throws IOException {
        PluginRegistry registry = PluginRegistry.discover(folderLoader(folder,
                FailingPlugins.NotAnActivation.class.getName(), SWISH));
        assertWorks(registry);
        assertEquals(1, registry.problems().size());
        assertTrue(messages(registry).get(0).startsWith("Skipped an activation plugin that failed to load:"
                + " org.example.plugins.FailingPlugins$NotAnActivation not a subtype, in "), messages(registry).get(0));
    }

    @Test
    void pluginsWhoseOwnMethodsFail_areEachOneProblem_andLeftOut() {
        PluginRegistry registry = PluginRegistry.of(List.of(new FailingPlugins.IdThrows(), new FailingPlugins.IdNull(),
                new FailingPlugins.HyperparametersThrow(), new FailingPlugins.SettingsThrow(),
                new ThirdPartyActivations.Swish()), List.of(), List.of());

        assertEquals(PluginId.of("acme.swish"), registry.activation("acme.swish").id());
        assertEquals(List.of(PluginId.of("acme.swish")), List.copyOf(registry.ids(PluginKind.ACTIVATION)));
        assertEquals(List.of(
                "Skipped activation " + origin(FailingPlugins.IdThrows.class) + ": its id() threw IllegalStateException:"
                        + " no id today. Fix that plugin or remove its jar; the other plugins still work.",
                "Skipped activation " + origin(FailingPlugins.IdNull.class) + ": its id() returned null. Fix that plugin"
                        + " or remove its jar; the other plugins still work.",
                "Skipped activation " + origin(FailingPlugins.HyperparametersThrow.class) + ": its hyperparameters()"
                        + " threw UnsupportedOperationException: not yet. Fix that plugin or remove its jar; the other"
                        + " plugins still work.",
                "Skipped activation " + origin(FailingPlugins.SettingsThrow.class) + ": its settings() threw"
                        + " ArithmeticException: / by zero. Fix that plugin or remove its jar; the other plugins still"
                        + " work."), messages(registry));
    }

    @Test
    void everyUsablePlugin_answersItsSettings_soThePluginsCommandCannotCrash() {
        PluginRegistry registry = PluginRegistry.of(List.of(new FailingPlugins.SettingsThrow(),
                new FailingPlugins.HyperparametersThrow(), new ThirdPartyActivations.Swish()), List.of(), List.of());
        registry.plugins(PluginKind.ACTIVATION).values().forEach(plugin -> {
            plugin.settings();
            plugin.hyperparameters();
        });
        assertEquals(1, registry.plugins(PluginKind.ACTIVATION).size());
    }

    @Test
    void pluginThatFailsToApplyItsSettings_isAnInvalidPluginException_namingItAndTheCause() {
        PluginRegistry registry = PluginRegistry.of(List.of(new FailingPlugins.ConfigureThrows(),
                new ThirdPartyActivations.Swish()), List.of(), List.of());
        InvalidPluginException e = assertThrows(InvalidPluginException.class,
                () -> registry.activation("acme.configure_throws"));
        assertEquals("The activation 'acme.configure_throws', " + origin(FailingPlugins.ConfigureThrows.class)
                + ", failed to apply its settings: its withHyperparameters(...) threw NullPointerException: settings"
                + " map. Fix that plugin or choose another activation.", e.getMessage());
        assertEquals(PluginId.of("acme.swish"), registry.activation("acme.swish").id());
    }

    @Test
    void aLoaderWhoseServicesFilesCannotBeRead_isLeftAfterOneProblem_insteadOfLoopingForever() {
        ClassLoader unreadable = new ClassLoader("unreadable", getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                throw new IOException("the jar is corrupt");
            }
        };
        PluginRegistry registry = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> PluginRegistry.discover(unreadable));
        List<String> activationProblems = registry.problems().stream().filter(p -> p.kind() == PluginKind.ACTIVATION)
                .map(PluginProblem::message).toList();
        assertEquals(1, activationProblems.size(), activationProblems.toString());
        assertTrue(activationProblems.get(0).startsWith("Skipped an activation plugin that failed to load: Error"
                + " locating configuration files (IOException: the jar is corrupt), in class loader 'unreadable'."),
                activationProblems.get(0));
    }

    @Test
    void corruptAndEmptyJars_doNotStopTheOtherPlugins() throws IOException {
        Path corrupt = folder.resolve("corrupt.jar");
        Files.write(corrupt, new byte[] {'P', 'K', 3, 4, 0, 0, 42, 42, 42});
        Path empty = folder.resolve("empty.jar");
        try (OutputStream out = Files.newOutputStream(empty); JarOutputStream jar = new JarOutputStream(out)) {
            jar.flush();
        }
        Path good = Files.createDirectory(folder.resolve("good"));
        writeServices(good, SWISH);
        URLClassLoader loader = new URLClassLoader(new URL[] {corrupt.toUri().toURL(), empty.toUri().toURL(),
            good.toUri().toURL()}, getClass().getClassLoader());

        PluginRegistry registry = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> PluginRegistry.discover(loader));

        assertWorks(registry);
        assertTrue(registry.problems().size() <= 4, "at most one problem per kind: " + registry.problems());
    }

    @Test
    void oneLoaderPerJar_aBrokenProviderSeenThroughSeveralLoaders_isOneProblem(@TempDir Path second) throws IOException {
        URLClassLoader first = folderLoader(folder, ThirdPartyActivations.Broken.class.getName());
        URLClassLoader other = folderLoader(second, ThirdPartyActivations.Broken.class.getName(), SWISH);
        PluginRegistry registry = PluginRegistry.discover(getClass().getClassLoader(), List.of(first, other));
        assertWorks(registry);
        assertEquals(1, registry.problems().size(), registry.problems().toString());
        assertTrue(messages(registry).get(0).contains("its constructor threw IllegalStateException: native library"
                + " acme-fast missing"), messages(registry).get(0));
    }

    @Test
    void failureCause_walksToTheRoot_andStaysOnOneLine() {
        Throwable chain = new IllegalStateException("outer", new RuntimeException("middle\nline",
                new IllegalArgumentException("inner\r\n  detail")));
        assertEquals("its id() threw IllegalArgumentException: inner detail", FailureCause.explain(chain, "its id()"));
        Throwable cycle = new RuntimeException("a");
        Throwable other = new RuntimeException("b", cycle);
        cycle.initCause(other);
        assertFalse(FailureCause.explain(cycle, "its constructor").isEmpty());
        assertEquals("NullPointerException", FailureCause.describe(new NullPointerException()));
    }

    private static void assertWorks(PluginRegistry registry) {
        assertEquals(PluginId.of("acme.swish"), registry.activation("acme.swish").id());
        assertEquals(PluginId.of("relu"), registry.activation("relu").id());
        assertEquals(PluginId.of("adam"), registry.optimizer("adam").id());
        registry.problems().forEach(problem -> assertFalse(problem.message().contains("\n"), problem.message()));
    }

    private static List<String> messages(PluginRegistry registry) {
        return registry.problems().stream().map(PluginProblem::message).collect(Collectors.toList());
    }

    private static String origin(Class<?> type) {
        return PluginOrigin.of(type).toString();
    }

    private static URLClassLoader folderLoader(Path folder, String... lines) throws IOException {
        writeServices(folder, lines);
        return new URLClassLoader(new URL[] {folder.toUri().toURL()}, PluginFailuresTest.class.getClassLoader());
    }

    private static void writeServices(Path folder, String... lines) throws IOException {
        Path services = Files.createDirectories(folder.resolve("META-INF/services"));
        Files.writeString(services.resolve(Activation.class.getName()), String.join("\n", lines) + "\n");
    }
}
