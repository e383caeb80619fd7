package dev.backprop.core.internal;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides once per JVM which kernels {@link MatrixKernels#best()} returns (the initialisation-on-demand
 * holder idiom: the choice is made when this class is first used, and never changes). The Vector API
 * kernels are chosen when the module {@code jdk.incubator.vector} is in the boot layer; they are reached
 * only through {@link VectorKernelsLoader}, so a JVM without the module never loads a class that needs it.
 */
final class KernelSelection {

    private static final Logger LOG = LoggerFactory.getLogger(MatrixKernels.class);

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

    private static MatrixKernels loopsWithWarning() {
        LOG.warn("Fast matrix kernels are off: the Vector API module {} is not loaded, so plain loops are used "
                + "(several times slower). To enable them, run java with --add-modules={}; "
                + "./backprop and the Maven build already do.", VECTOR_MODULE, VECTOR_MODULE);
        return MatrixKernels.loops();
    }
}
