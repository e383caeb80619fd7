package dev.backprop.core.internal;

/**
 * The only way to {@link VectorKernels}: a class of its own, so that nothing referring to the Vector API
 * is resolved until {@link KernelSelection} has checked that the module is present.
 */
final class VectorKernelsLoader {

    private VectorKernelsLoader() {
    }

    /** The Vector API kernels; call only when {@code jdk.incubator.vector} is in the boot layer. */
    static MatrixKernels load() {
        return VectorKernels.INSTANCE;
    }
}
