package dev.backprop.io.violation;

import dev.backprop.core.internal.MatrixKernels;

/** Fixture, never shipped: a module outside core that uses core's unexported kernels. */
public final class IoThatUsesCoreInternals {

    public MatrixKernels kernels() {
        return MatrixKernels.loops();
    }
}
