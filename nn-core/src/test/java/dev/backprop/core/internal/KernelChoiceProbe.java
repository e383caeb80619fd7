package dev.backprop.core.internal;

/**
 * Run in a JVM of its own by {@link KernelSelectionTest}: reports through its exit status which kernels
 * {@link MatrixKernels#best()} chose there.
 */
final class KernelChoiceProbe {

    /** Exit status: best() is the loops and vector() is empty. */
    static final int LOOPS_WITHOUT_VECTOR = 0;

    /** Exit status: anything else. */
    static final int SOMETHING_ELSE = 3;

    private KernelChoiceProbe() {
    }

    /** Asks for the best kernels twice (to show the warning comes once) and exits with what it got. */
    public static void main(String[] args) {
        MatrixKernels first = MatrixKernels.best();
        boolean loops = first == MatrixKernels.loops() && MatrixKernels.best() == first
                && MatrixKernels.vector().isEmpty();
        System.exit(loops ? LOOPS_WITHOUT_VECTOR : SOMETHING_ELSE);
    }
}
