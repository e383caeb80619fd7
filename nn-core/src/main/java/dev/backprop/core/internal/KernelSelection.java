package dev.backprop.core.internal;

import java.util.Optional;

/**
 * Decides once per JVM which kernels {@link MatrixKernels#best()} returns (the initialisation-on-demand
 * holder idiom: the choice is made when this class is first used, and never changes). The Vector API
 * kernels are chosen when the module {@code jdk.incubator.vector} is in the boot layer; they are reached
 * only through {@link VectorKernelsLoader}, so a JVM without the module never loads a class that needs it.
 */
final class KernelSelection {

    /** The module that carries the Vector API while it incubates. */
    static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** The Vector API kernels, when this JVM can run them. */
    static final Optional<MatrixKernels> VECTOR = ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()
            ? Optional.of(VectorKernelsLoader.load())
            : Optional.empty();

    /** The fastest kernels this JVM can run. */
    static final MatrixKernels BEST = VECTOR.orElseGet(KernelSelection::loopsWithWarning);

    private KernelSelection() {
    }

    /**
     * The loops, after one warning that says how to enable the fast kernels; it reaches standard error
     * even in an application without an SLF4J backend ({@link EssentialWarning}).
     */
    private static MatrixKernels loopsWithWarning() {
        EssentialWarning.warn(MatrixKernels.class, "Fast matrix kernels are off: the Vector API module "
                + VECTOR_MODULE + " is not loaded, so plain loops are used (several times slower). To enable them,"
                + " run java with --add-modules=" + VECTOR_MODULE + "; ./backprop and the Maven build already do.");
        return MatrixKernels.loops();
    }
}
