package dev.backprop.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = directory.resolve("probe.log");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                KernelChoiceProbe.class.getName()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "probe JVM finished");
        assertEquals(KernelChoiceProbe.LOOPS_WITHOUT_VECTOR, process.exitValue(),
                "without --add-modules the best kernels are the loops and the vector ones are absent");
        String output = Files.readString(log);
        int hints = output.split("--add-modules=jdk\\.incubator\\.vector", -1).length - 1;
        assertEquals(1, hints, "one warning saying how to enable the fast kernels, in:\n" + output);
    }
}
