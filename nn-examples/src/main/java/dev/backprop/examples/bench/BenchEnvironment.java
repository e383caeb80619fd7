package dev.backprop.examples.bench;

import java.util.Locale;

/** One line about the JVM a benchmark runs on, for the progress output. */
final class BenchEnvironment {

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final double MEBIBYTE = 1024.0 * 1024.0;

    private BenchEnvironment() {
    }

    /** Java version and VM, processors, maximum heap, and whether the Vector API module is loaded. */
    static String describe() {
        Runtime runtime = Runtime.getRuntime();
        boolean vector = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
        return String.format(Locale.ROOT, "jvm: java %s (%s), %d processors, max heap %.0f MiB, %s module %s",
                System.getProperty("java.version"), System.getProperty("java.vm.name"), runtime.availableProcessors(),
                runtime.maxMemory() / MEBIBYTE, VECTOR_MODULE, vector ? "loaded" : "not loaded");
    }
}
