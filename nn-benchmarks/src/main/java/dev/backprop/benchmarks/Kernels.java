package dev.backprop.benchmarks;

import dev.backprop.core.internal.MatrixKernels;

/** The kernels under test, by the name a benchmark parameter gives. */
final class Kernels {

    private Kernels() {
    }

    /** {@code "vector"}: the Vector API kernels (the JVM must run with the module); {@code "loops"}: plain loops. */
    static MatrixKernels named(String name) {
        return switch (name) {
            case "vector" -> MatrixKernels.vector().orElseThrow(() -> new IllegalStateException(
                    "The vector kernels need the JVM option --add-modules=jdk.incubator.vector"));
            case "loops" -> MatrixKernels.loops();
            default -> throw new IllegalArgumentException("Unknown kernels '" + name + "': use vector or loops");
        };
    }
}
