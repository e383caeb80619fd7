package dev.backprop.io.testing;

import java.util.List;

/**
 * What every loader's fuzz test asserts about one input: the loader returns or throws one of its
 * documented exceptions, nothing else (no {@code RuntimeException} of another kind, no
 * {@code OutOfMemoryError}, no {@code StackOverflowError}); and it allocates at most
 * {@value #BYTES_PER_INPUT_BYTE} bytes per input byte plus {@value #FIXED_BYTES} bytes.
 *
 * <p>The fixed part covers what any load allocates whatever the input: stream and parser buffers
 * (64 KiB read buffers, Jackson's recycled buffers, a gzip inflater), the registry's plugin
 * instances and the exception with its message and stack trace. The multiple covers values kept per
 * input byte (a float per two CSV characters, a Java object per field or JSON node, a network built
 * from a model file's tensors) and the garbage made while parsing them. Fuzz inputs are small (libFuzzer's
 * default at most 4096 bytes), so a hostile header that makes a loader allocate by what it declares
 * rather than by what it holds stands out by megabytes. Allocation is measured on the calling thread
 * ({@link Allocations}), which is where every loader works.
 */
public final class FuzzChecks {

    /** The allocation allowed per input byte. */
    public static final long BYTES_PER_INPUT_BYTE = 64;
    /** The allocation allowed whatever the input's size. */
    public static final long FIXED_BYTES = 16L << 20;

    private FuzzChecks() {
    }

    /**
     * Runs {@code load} on an input of {@code inputBytes} bytes and fails unless it returned or threw one of
     * {@code documented}, within the allocation bound.
     */
    public static void check(long inputBytes, List<Class<? extends Throwable>> documented, Allocations.Action load) {
        Allocations.Measured measured = Allocations.measure(load);
        Throwable thrown = measured.thrown();
        if (thrown != null && documented.stream().noneMatch(type -> type.isInstance(thrown))) {
            throw new AssertionError("expected a result or one of " + documented + ", but the loader threw " + thrown,
                    thrown);
        }
        long limit = BYTES_PER_INPUT_BYTE * inputBytes + FIXED_BYTES;
        if (measured.bytes() > limit) {
            throw new AssertionError("a " + inputBytes + "-byte input made the loader allocate " + measured.bytes()
                    + " bytes, more than " + BYTES_PER_INPUT_BYTE + " × " + inputBytes + " + " + FIXED_BYTES + " = "
                    + limit + (thrown == null ? "" : "; it threw " + thrown));
        }
    }
}
