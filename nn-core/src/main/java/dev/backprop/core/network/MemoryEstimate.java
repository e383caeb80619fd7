package dev.backprop.core.network;

/**
 * About how many bytes of heap a network needs, by purpose: what {@link NetworkSpec#inferenceMemory()}
 * and {@link NetworkSpec#trainingMemory(int, int)} estimate from the architecture alone, before
 * anything is allocated. Object headers and the JVM's own needs are not counted, so the true need is
 * a little larger.
 *
 * @param parameterBytes      the weights and biases
 * @param gradientBytes       one gradient per parameter (0 for inference)
 * @param optimizerStateBytes the optimizer's state slots (0 for inference or a stateless optimizer)
 * @param bufferBytes         the per-batch buffers: inputs, targets, pre-activations, activations, errors
 *                            and dropout masks
 */
public record MemoryEstimate(long parameterBytes, long gradientBytes, long optimizerStateBytes, long bufferBytes) {

    /** The sum of all parts, in bytes. */
    public long totalBytes() {
        return parameterBytes + gradientBytes + optimizerStateBytes + bufferBytes;
    }

    /** Whether the total fits in {@code heapBytes}. */
    public boolean fitsIn(long heapBytes) {
        return totalBytes() <= heapBytes;
    }

    @Override
    public String toString() {
        return "about " + SizeLimits.gigabytes(totalBytes()) + " (parameters " + SizeLimits.gigabytes(parameterBytes)
                + ", gradients " + SizeLimits.gigabytes(gradientBytes) + ", optimizer state "
                + SizeLimits.gigabytes(optimizerStateBytes) + ", buffers " + SizeLimits.gigabytes(bufferBytes) + ")";
    }
}
