package dev.backprop.examples.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.backprop.examples.BackpropCli;
import dev.backprop.examples.plugins.PluginJars;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thirdparty.testplugin.SoftCube;
import picocli.CommandLine;

class BenchWithPluginTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void bench_trainsWithAnActivationFromThePluginsFolder(@TempDir Path folder) throws Exception {
        Path plugins = Files.createDirectory(folder.resolve("plugins"));
        PluginJars.softCubeJar(plugins, "soft-cube.jar");
        Path data = IdxFolderWriter.write(Files.createDirectory(folder.resolve("data")), 64, 20);

        int status = run("--plugins", plugins.toString(), "bench", "--data", data.toString(), "--layers", "16,8,10",
                "--activation", SoftCube.ID, "--epochs", "2", "--threads", "1", "--batch", "16");

        assertEquals(0, status, err.toString());
        assertTrue(err.toString().contains(SoftCube.ID + "->softmax"), err.toString());
        assertEquals(2, out.toString().strip().split("\\R").length, out.toString());
    }

    @Test
    void bench_pluginsFolderGivenAfterTheCommand_worksToo(@TempDir Path folder) throws Exception {
        Path plugins = Files.createDirectory(folder.resolve("plugins"));
        PluginJars.softCubeJar(plugins, "soft-cube.jar");
        Path data = IdxFolderWriter.write(Files.createDirectory(folder.resolve("data")), 64, 20);

        int status = run("bench", "--data", data.toString(), "--layers", "16,8,10", "--activation", SoftCube.ID,
                "--epochs", "2", "--threads", "1", "--batch", "16", "--plugins", plugins.toString());

        assertEquals(0, status, err.toString());
        assertTrue(err.toString().contains(SoftCube.ID + "->softmax"), err.toString());
    }

    @Test
    void bench_withoutThePluginsFolder_saysTheIdIsUnknown(@TempDir Path folder) throws Exception {
        Path data = IdxFolderWriter.write(folder, 64, 20);

        int status = run("bench", "--data", data.toString(), "--layers", "16,8,10", "--activation", SoftCube.ID,
                "--epochs", "2", "--threads", "1");

        assertEquals(BackpropCli.BAD_INPUT, status);
        assertTrue(err.toString().contains("No activation with id '" + SoftCube.ID + "'"), err.toString());
    }

    private int run(String... args) {
        CommandLine commandLine = BackpropCli.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
