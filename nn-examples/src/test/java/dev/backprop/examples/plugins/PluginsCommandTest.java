package dev.backprop.examples.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.Plugin;
import dev.backprop.api.PluginId;
import dev.backprop.core.plugin.PluginKind;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.examples.BackpropCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thirdparty.testplugin.HostilePlugins;
import org.thirdparty.testplugin.SoftCube;
import picocli.CommandLine;

class PluginsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void plugins_listsTheBuiltInsByKindWithDefaultsClassesAndLocations() {
        int status = run("plugins", "--wide");

        assertEquals(0, status, err.toString());
        String text = out.toString();
        assertTrue(Pattern.compile("^kind +id +hyperparameters \\(defaults\\) +class +from$", Pattern.MULTILINE)
                .matcher(text).find(), text);
        assertRow(text, "activation", "relu", "dev.backprop.activations.Relu");
        assertRow(text, "activation", "leaky_relu", "alpha=0.01");
        assertRow(text, "loss", "mse", "dev.backprop.core.loss.MeanSquaredError");
        assertRow(text, "optimizer", "adam", "learning_rate=0.001");
        assertRow(text, "activation", "softmax", "dev.backprop.core.network.Softmax");
        assertEquals(1, Pattern.compile("^activation +softmax ", Pattern.MULTILINE).matcher(text).results().count(),
                "softmax is listed once, found by the registry like any activation: " + text);
        assertTrue(Pattern.compile("^activation +relu .*nn-activations[^ ]*$", Pattern.MULTILINE).matcher(text).find(),
                "relu's row names where it came from: " + text);
        assertTrue(text.contains("\nProblems\n  none"), text);
        assertFalse(text.contains(SoftCube.ID), "not registered on the classpath: " + text);
    }

    @Test
    void plugins_listsEverySettingWithDefaultAcceptedValuesAndHelp() {
        int status = run("plugins", "--wide");

        assertEquals(0, status, err.toString());
        String text = out.toString();
        String settings = text.substring(text.indexOf("\nSettings\n"), text.indexOf("\nProblems\n"));
        assertTrue(Pattern.compile("^  setting +default +accepts +help$", Pattern.MULTILINE).matcher(settings).find(),
                settings);
        assertSetting(settings, "optimizer adam", "amsgrad", "false", "true or false", "AMSGrad");
        assertSetting(settings, "optimizer adam", "beta1", "0.9", "in [0, 1) as a float, so at most 0.99999994",
                "β₁");
        assertSetting(settings, "optimizer sgd", "learning_rate", "0.01", "in [1.4E-45, 3.4028235E38]", "step size");
        assertSetting(settings, "loss mse", "reduction", "mean", "one of: mean, sum_over_outputs", "mean: average");
        assertSetting(settings, "activation elu", "alpha", "1.0", "in (0, 3.4028235E38]", "saturation");
        assertSetting(settings, "initializer constant", "value", "0.0", "finite as a float", "every weight");
        assertFalse(settings.contains("activation relu"), "plugins without settings have no block: " + settings);
    }

    @Test
    void plugins_fitsA100ColumnTerminal_wrappingLongCells_andPrintsSwitchesAsTrueOrFalse(@TempDir Path folder)
            throws Exception {
        PluginJars.softCubeJar(folder, "good.jar");
        Files.write(folder.resolve("empty.jar"), new byte[0]);

        int status = run("--plugins", folder.toString(), "plugins");

        assertEquals(0, status, err.toString());
        String text = out.toString();
        text.lines().forEach(line -> assertTrue(line.length() <= 100, line.length() + " columns: " + line));
        assertTrue(Pattern.compile("^kind +id +hyperparameters \\(defaults\\) +from$", Pattern.MULTILINE)
                .matcher(text).find(), text);
        assertRow(text, "optimizer", "adam", "amsgrad=false");
        assertRow(text, "activation", "relu", "nn-activations");
        assertFalse(text.contains("dev.backprop.activations.Relu"), "the class is for --wide: " + text);
        assertTrue(Pattern.compile("^  amsgrad +false +true or false ", Pattern.MULTILINE).matcher(text).find(), text);
        assertTrue(problems().contains("  jar: Skipped the plugin jar "), problems());
        assertTrue(problems().replaceAll("\\s+", " ").contains("empty.jar: it is empty (0 bytes)"), problems());
        assertTrue(text.lines().anyMatch(line -> line.length() > 90), "long lines are wrapped, not cut short");

        out.getBuffer().setLength(0);
        assertEquals(0, run("--plugins", folder.toString(), "plugins", "--wide"), err.toString());
        assertTrue(out.toString().lines().anyMatch(line -> line.length() > 100), "--wide keeps one line per row");
    }

    @Test
    void pluginProblems_areReportedOnce_byTheListAndByOtherCommands(@TempDir Path folder) throws Exception {
        PluginJars.softCubeJar(folder, "good.jar");
        Files.write(folder.resolve("empty.jar"), new byte[0]);

        assertEquals(0, run("--plugins", folder.toString(), "plugins"), err.toString());
        String all = (out.toString() + err.toString()).replaceAll("\\s+", " ");
        assertEquals(1, all.split("empty\\.jar: it is empty", -1).length - 1, "once: " + out + err);
        assertEquals("", err.toString(), "the list reports problems under Problems only");

        out.getBuffer().setLength(0);
        assertEquals(0, run("--plugins", folder.toString(), "xor", "--epochs", "2", "--print-every", "2"),
                err.toString());
        List<String> warnings = err.toString().lines().toList();
        assertEquals(1, warnings.size(), err.toString());
        assertTrue(warnings.get(0).startsWith("warning: plugin jar: Skipped the plugin jar ")
                && warnings.get(0).contains("empty.jar: it is empty"), warnings.get(0));
        assertFalse(out.toString().contains("empty.jar"), out.toString());
    }

    @Test
    void pluginsOption_canBeGivenSeveralTimes(@TempDir Path folder) throws Exception {
        Path first = Files.createDirectory(folder.resolve("first"));
        Path second = Files.createDirectory(folder.resolve("second"));
        PluginJars.softCubeJar(first, "cube.jar");
        PluginJars.activationJar(second, "hostile.jar", HostilePlugins.ThrowingValue.class);

        int status = run("--plugins", first.toString(), "plugins", "--plugins", second.toString());

        assertEquals(0, status, err.toString());
        assertRow(out.toString(), "activation", SoftCube.ID, "-");            // from the first folder's jar
        assertRow(out.toString(), "activation", HostilePlugins.ThrowingValue.ID, "-"); // from the second's
    }

    @Test
    void settingRows_ofAPluginThatDeclaresNothing_showItsValuesAsNotDeclared() {
        Plugin legacy = new Plugin() {
            @Override
            public PluginId id() {
                return PluginId.of("acme.legacy");
            }

            @Override
            public Hyperparameters hyperparameters() {
                return Hyperparameters.of("alpha", 0.5);
            }
        };

        List<String[]> rows = PluginsCommand.settingRows(legacy.settings());

        assertEquals(1, rows.size());
        assertEquals(List.of("  alpha", "0.5", "(not declared by the plugin)", "-"), List.of(rows.get(0)));
    }

    @Test
    void plugins_columnsAreAligned() {
        run("plugins", "--wide");

        String table = out.toString().substring(0, out.toString().indexOf("\nSettings\n"));
        String[] lines = table.split("\\R");
        int idColumn = lines[0].indexOf("id");
        int classColumn = lines[0].indexOf("class");
        long rows = Arrays.stream(lines).filter(l -> l.startsWith("activation ") || l.startsWith("optimizer ")).count();
        assertTrue(rows > 10, out.toString());
        Arrays.stream(lines).filter(l -> l.startsWith("activation ") || l.startsWith("loss ") || l.startsWith("optimizer "))
                .forEach(l -> {
                    assertTrue(l.charAt(idColumn - 1) == ' ' && l.charAt(idColumn) != ' ', l);
                    assertTrue(l.charAt(classColumn - 1) == ' ' && l.charAt(classColumn) != ' ', l);
                });

        String settings = out.toString().substring(out.toString().indexOf("\nSettings\n") + 10,
                out.toString().indexOf("\nProblems\n"));
        String[] settingLines = settings.split("\\R");
        int defaultColumn = settingLines[0].indexOf("default");
        int acceptsColumn = settingLines[0].indexOf("accepts");
        Arrays.stream(settingLines).filter(l -> l.startsWith("  ") && !l.startsWith("  setting")).forEach(l -> {
            assertTrue(l.charAt(defaultColumn - 1) == ' ' && l.charAt(defaultColumn) != ' ', l);
            assertTrue(l.charAt(acceptsColumn - 1) == ' ' && l.charAt(acceptsColumn) != ' ', l);
        });
    }

    @Test
    void pluginsFolder_addsTheJarsPluginsToTheBuiltIns(@TempDir Path folder) {
        PluginJars.softCubeJar(folder, "soft-cube.jar");

        int status = run("--plugins", folder.toString(), "plugins", "--wide");

        assertEquals(0, status, err.toString());
        String text = out.toString();
        assertRow(text, "activation", SoftCube.ID, SoftCube.class.getName());
        assertRow(text, "activation", "relu", "dev.backprop.activations.Relu");
        assertTrue(text.contains("\nProblems\n  none"), "built-ins are not found twice: " + text);
    }

    @Test
    void pluginsOption_isAlsoAcceptedAfterTheCommand(@TempDir Path folder) {
        PluginJars.softCubeJar(folder, "soft-cube.jar");

        int status = run("plugins", "--plugins", folder.toString());

        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains(SoftCube.ID), out.toString());
    }

    @Test
    void pluginFolder_registryResolvesThePluginAndKeepsTheBuiltIns(@TempDir Path folder) {
        PluginJars.softCubeJar(folder, "a.jar");

        PluginRegistry registry = PluginFolder.registry(folder);

        assertEquals(SoftCube.ID, registry.activation(SoftCube.ID).id().value());
        assertTrue(registry.ids(PluginKind.ACTIVATION).stream().anyMatch(id -> id.value().equals("relu")));
        assertTrue(registry.ids(PluginKind.OPTIMIZER).stream().anyMatch(id -> id.value().equals("adam")));
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @Test
    void sameClassInTwoJars_isLoadedOnce(@TempDir Path folder) throws Exception {
        Path other = Files.createDirectory(folder.resolve("other"));
        PluginJars.softCubeJar(folder, "a.jar");
        Files.copy(PluginJars.softCubeJar(other, "b.jar"), folder.resolve("b.jar"));

        int status = run("--plugins", folder.toString(), "plugins", "--wide");

        assertEquals(0, status, err.toString());
        // Both jars name the same class, so ServiceLoader loads it once: no duplicate, still listed.
        assertTrue(out.toString().contains(SoftCube.ID), out.toString());
    }

    @Test
    void missingFolder_isABadInputSayingWhatToGive(@TempDir Path folder) {
        int status = run("--plugins", folder.resolve("nope").toString(), "plugins", "--wide");

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().startsWith("error: --plugins expects a folder of plugin jars, but "), err.toString());
        assertTrue(err.toString().contains("does not exist"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    @Test
    void folderWithoutJars_isABadInput(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("readme.txt"), "not a jar");

        int status = run("--plugins", folder.toString(), "plugins", "--wide");

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("holds no *.jar file"), err.toString());
    }

    @Test
    void fileInsteadOfFolder_isABadInput(@TempDir Path folder) {
        Path jar = PluginJars.softCubeJar(folder, "a.jar");

        int status = run("--plugins", jar.toString(), "plugins", "--wide");

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("is a file. Give the folder that holds it instead"), err.toString());
    }

    @Test
    void xor_runsWithAPluginsFolder(@TempDir Path folder) {
        PluginJars.softCubeJar(folder, "a.jar");

        int status = run("--plugins", folder.toString(), "xor", "--epochs", "10", "--print-every", "10");

        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("result: example=xor epochs=10"), out.toString());
    }

    @Test
    void emptyAndCorruptJars_areProblems_andTheOtherJarsStillLoad(@TempDir Path folder) throws Exception {
        PluginJars.softCubeJar(folder, "good.jar");
        Files.write(folder.resolve("empty.jar"), new byte[0]);
        Files.write(folder.resolve("random.jar"), new Random(7).ints(2000, 0, 256).collect(ByteArrayOutputStream::new,
                ByteArrayOutputStream::write, (a, b) -> a.writeBytes(b.toByteArray())).toByteArray());

        int status = run("--plugins", folder.toString(), "plugins", "--wide");

        assertEquals(0, status, err.toString());
        String problems = problems();
        assertTrue(problems.contains("  jar: Skipped the plugin jar " + folder.resolve("empty.jar")
                + ": it is empty (0 bytes)."), problems);
        assertTrue(problems.contains("  jar: Skipped the plugin jar " + folder.resolve("random.jar")
                + ": it is not a readable jar (ZipException"), problems);
        assertRow(out.toString(), "activation", SoftCube.ID, SoftCube.class.getName());
        assertEquals("", err.toString());
    }

    @Test
    void corruptJar_otherCommandsKeepWorking(@TempDir Path folder) throws Exception {
        PluginJars.softCubeJar(folder, "good.jar");
        Files.write(folder.resolve("empty.jar"), new byte[0]);

        int status = run("--plugins", folder.toString(), "xor", "--epochs", "5", "--print-every", "5",
                "--activation", SoftCube.ID);

        assertEquals(0, status, err.toString());
        assertTrue(out.toString().contains("result: example=xor epochs=5"), out.toString());
    }

    @Test
    void servicesEntryNamingAMissingClass_isAProblemNamingIt(@TempDir Path folder) {
        PluginJars.missingClassJar(folder, "missing.jar", "org.thirdparty.testplugin.Missing");
        PluginJars.softCubeJar(folder, "good.jar");

        int status = run("--plugins", folder.toString(), "plugins", "--wide");

        assertEquals(0, status, err.toString());
        assertTrue(problems().contains("org.thirdparty.testplugin.Missing"), problems());
        assertTrue(out.toString().contains(SoftCube.ID), out.toString());
    }

    @Test
    void staticInitialiserThatFails_isAProblemNamingIt(@TempDir Path folder) {
        PluginJars.activationJar(folder, "init.jar", HostilePlugins.FailingInit.class, SoftCube.class);

        int status = run("--plugins", folder.toString(), "plugins", "--wide");

        assertEquals(0, status, err.toString());
        String problems = problems();
        assertTrue(problems.contains("HostilePlugins$FailingInit"), problems);
        assertTrue(problems.contains("its static initialiser threw IllegalStateException: " + HostilePlugins.BROKEN),
                problems);
        assertTrue(out.toString().contains(SoftCube.ID), out.toString());
    }

    @Test
    void hyperparametersThatThrow_areAProblem_andThePluginIsLeftOut(@TempDir Path folder) {
        PluginJars.activationJar(folder, "hp.jar", HostilePlugins.ThrowingHyperparameters.class, SoftCube.class);

        int status = run("--plugins", folder.toString(), "plugins", "--wide");

        assertEquals(0, status, err.toString());
        String problems = problems();
        assertEquals(1, problems.lines().filter(l -> l.contains(HostilePlugins.ThrowingHyperparameters.class.getName()))
                .count(), problems);
        assertTrue(problems.contains("IllegalStateException: " + HostilePlugins.BROKEN), problems);
        assertFalse(out.toString().substring(0, out.toString().indexOf("\nProblems\n"))
                .contains(HostilePlugins.ThrowingHyperparameters.ID), "left out of the table: " + out);
        assertRow(out.toString(), "activation", SoftCube.ID, SoftCube.class.getName());
    }

    @Test
    void idThatThrowsOrIsNull_isAProblem_andTheOtherPluginsWork(@TempDir Path folder) throws Exception {
        PluginJars.activationJar(folder, "id.jar", HostilePlugins.ThrowingId.class, SoftCube.class);
        Path nullId = Files.createTempDirectory(folder, "null");
        PluginJars.activationJar(nullId, "null-id.jar", HostilePlugins.NullId.class, SoftCube.class);

        assertEquals(0, run("--plugins", folder.toString(), "plugins", "--wide"), err.toString());
        assertTrue(problems().contains(HostilePlugins.ThrowingId.class.getName()), out.toString());
        assertTrue(problems().contains(HostilePlugins.BROKEN), out.toString());
        assertRow(out.toString(), "activation", SoftCube.ID, SoftCube.class.getName());

        out.getBuffer().setLength(0);
        assertEquals(0, run("--plugins", nullId.toString(), "plugins", "--wide"), err.toString());
        assertTrue(problems().contains(HostilePlugins.NullId.class.getName()), out.toString());
        assertTrue(problems().contains("null"), out.toString());
        assertRow(out.toString(), "activation", SoftCube.ID, SoftCube.class.getName());
        assertFalse(err.toString().contains("\tat "), err.toString());
    }

    private String problems() {
        return out.toString().substring(out.toString().indexOf("\nProblems\n"));
    }

    /** Under the {@code kind id} title, the row {@code name default accepts help} of that plugin. */
    private static void assertSetting(String settings, String plugin, String name, String defaultValue, String accepts,
                                      String help) {
        int title = settings.indexOf("\n" + plugin + "\n");
        assertTrue(title >= 0, plugin + " in:\n" + settings);
        String block = settings.substring(title + plugin.length() + 2).split("\n(?! )", 2)[0];
        Pattern row = Pattern.compile("^  " + Pattern.quote(name) + " +" + Pattern.quote(defaultValue) + " +"
                + Pattern.quote(accepts) + " +.*" + Pattern.quote(help), Pattern.MULTILINE);
        assertTrue(row.matcher(block).find(), name + " of " + plugin + " in:\n" + block);
    }

    private static void assertRow(String text, String kind, String id, String contains) {
        Pattern row = Pattern.compile("^" + Pattern.quote(kind) + " +" + Pattern.quote(id) + " .*"
                + Pattern.quote(contains), Pattern.MULTILINE);
        assertTrue(row.matcher(text).find(), kind + " " + id + " with " + contains + " in:\n" + text);
    }

    private int run(String... args) {
        CommandLine commandLine = BackpropCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
