package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link MatrixKernels#best()}: the Vector API kernels when the module is loaded (the build runs tests
 * with {@code --add-modules=jdk.incubator.vector}), plain loops in a JVM started without it.
 */
class KernelSelectionTest {

    @Test
    void best_isTheVectorKernels_whenTheModuleIsLoaded() {
        assertTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent(),
                "the build runs tests with --add-modules=jdk.incubator.vector");
        MatrixKernels best = MatrixKernels.best();
        assertSame(MatrixKernels.vector().orElseThrow(), best);
        assertTrue(best.name().matches("vector-\\d+"), "name says vector and the width in bits: " + best.name());
        assertSame(best, MatrixKernels.best(), "chosen once");
    }

    @Test
    void loops_sayTheirName() {
        assertEquals("loops", MatrixKernels.loops().name());
    }

    @Test
    void best_fallsBackToLoops_andWarnsOnce_inAJvmWithoutTheModule(@TempDir Path directory) throws Exception {
        String output = probe(directory, System.getProperty("java.class.path"));
        int hints = output.split("--add-modules=jdk\\.incubator\\.vector", -1).length - 1;
        assertEquals(1, hints, "one warning saying how to enable the fast kernels, in:\n" + output);
    }

    @Test
    void theFallbackWarning_reachesStandardError_evenWithoutAnSlf4jProvider(@TempDir Path directory)
            throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("logback-"))
                .collect(Collectors.joining(File.pathSeparator));
        assertTrue(classPath.length() < System.getProperty("java.class.path").length(), "logback was on the path");

        String output = probe(directory, classPath);

        assertTrue(output.contains("No SLF4J providers were found"), "SLF4J fell back to NOP:\n" + output);
        int hints = output.split("--add-modules=jdk\\.incubator\\.vector", -1).length - 1;
        assertEquals(1, hints, "the one warning, on standard error although SLF4J discards everything:\n" + output);
        assertTrue(output.contains("WARN dev.backprop.core.internal.MatrixKernels - Fast matrix kernels are off"),
                output);
    }

    /** Runs {@link KernelChoiceProbe} in a JVM without the Vector API module; its output and error, merged. */
    private static String probe(Path directory, String classPath) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = directory.resolve("probe.log");
        Process process = new ProcessBuilder(List.of(java, "-cp", classPath, KernelChoiceProbe.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "probe JVM finished");
        String output = Files.readString(log);
        assertEquals(KernelChoiceProbe.LOOPS_WITHOUT_VECTOR, process.exitValue(),
                "without --add-modules the best kernels are the loops and the vector ones are absent:\n" + output);
        return output;
    }
}
