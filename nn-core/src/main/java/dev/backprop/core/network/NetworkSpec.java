package dev.backprop.core.network;

import dev.backprop.api.InvalidConfigurationException;
import java.util.List;

/**
 * A sequential network's architecture as pure data (ids and widths, no weights): what model files
 * store and what {@link Network#create} turns into a network.
 *
 * <p><b>Validating without allocating.</b> Constructing a spec checks every size against the Java
 * array limit ({@link SizeLimits#MAX_ARRAY_LENGTH} weights per layer), so a spec that exists can be
 * built as far as arrays go. Whether it fits in this JVM's heap is a separate, equally cheap question:
 * {@link #requireFitsInMemory()} for prediction, {@link #requireTrainable(int, int)} for training with a
 * batch size and an optimizer's state slots ({@link #trainingMemory} gives the estimate itself). None of
 * these allocates anything beyond the spec, so a configuration loader can validate a network it will
 * never build; {@link Network#create} and the training workspace run the same checks before allocating.
 *
 * @param inputWidth the number of input features, at least 1
 * @param layers     the dense layers from input to output, at least one
 */
public record NetworkSpec(int inputWidth, List<LayerSpec> layers) {

    /** The rows {@link Network#predict} computes at a time (fewer for very wide networks). */
    static final int PREDICTION_ROWS = 64;

    /**
     * Validates the sizes and copies the layer list.
     *
     * @throws InvalidConfigurationException if a width is below 1, a layer's {@code fanIn × width} weights do
     *                                       not fit in one Java array, or the output layer has dropout
     */
    public NetworkSpec {
        if (inputWidth < 1) {
            throw new InvalidConfigurationException("A network needs at least 1 input feature but was given "
                    + inputWidth + ": call input(n) with n >= 1 before adding layers.");
        }
        if (layers == null || layers.isEmpty()) {
            throw new InvalidConfigurationException("A network needs at least one layer but has none:"
                    + " add one with dense(width, activation).");
        }
        layers = List.copyOf(layers);
        for (int i = 0; i < layers.size(); i++) {
            SizeLimits.requireLayerFits(i + 1, i == 0 ? inputWidth : layers.get(i - 1).width(), layers.get(i).width());
        }
        double outputDropout = layers.get(layers.size() - 1).dropout();
        if (outputDropout != 0) {
            throw new InvalidConfigurationException("Dropout " + outputDropout + " is set on the output layer, whose"
                    + " values are the predictions: put dropout on a hidden layer (dense(...).dropout(rate) before"
                    + " the last dense layer) or remove it.");
        }
    }

    /** The width of the last layer. */
    public int outputWidth() {
        return layers.get(layers.size() - 1).width();
    }

    /** The fan-in of layer {@code index}: the input width or the previous layer's width. */
    public int fanIn(int index) {
        return index == 0 ? inputWidth : layers.get(index - 1).width();
    }

    /** The number of trainable values (weights and biases). */
    public long parameterCount() {
        long count = 0;
        for (int i = 0; i < layers.size(); i++) {
            count += (long) (fanIn(i) + 1) * layers.get(i).width();
        }
        return count;
    }

    /** The most examples a batch may hold: the widest row (inputs or a layer) times it must fit in one array. */
    public int maxBatchSize() {
        return SizeLimits.MAX_ARRAY_LENGTH / widest();
    }

    /**
     * Checks that batches of {@code batchSize} examples fit in arrays: {@code batchSize × width} values
     * for the inputs and for every layer. Allocates nothing.
     *
     * @throws InvalidConfigurationException if {@code batchSize} is below 1 or above {@link #maxBatchSize()},
     *                                       naming the widest layer
     */
    public void requireBatchFits(int batchSize) {
        if (batchSize < 1) {
            throw new InvalidConfigurationException("A batch holds at least 1 example but the batch size was "
                    + batchSize + ": use a batch size of at least 1, for example 32.");
        }
        if (batchSize > maxBatchSize()) {
            int widest = widest();
            throw new InvalidConfigurationException("A batch of " + batchSize + " examples needs " + batchSize + " × "
                    + widest + " = " + (long) batchSize * widest + " values in one array for " + widestName()
                    + ", more than the " + SizeLimits.MAX_ARRAY_LENGTH + " a Java array holds: use a batch size of"
                    + " at most " + maxBatchSize() + ".");
        }
    }

    /**
     * About how much heap predicting needs: the parameters and one calling thread's prediction buffers.
     * Allocates nothing.
     */
    public MemoryEstimate inferenceMemory() {
        long rows = predictionRows();
        long buffers = rows * inputWidth;
        for (LayerSpec layer : layers) {
            buffers += 2 * rows * layer.width();
        }
        return new MemoryEstimate(floatBytes(parameterCount()), 0, 0, floatBytes(buffers));
    }

    /**
     * About how much heap training needs with batches of {@code batchSize} and an optimizer keeping
     * {@code optimizerSlots} arrays per parameter ({@code Optimizer.stateSlots()}: 0 for SGD, 2 for
     * Adam): parameters, gradients, optimizer state and the batch buffers (inputs, targets, and per
     * layer pre-activations, activations, errors and, with dropout, masks). Allocates nothing.
     *
     * @throws InvalidConfigurationException if the batches do not fit in arrays ({@link #requireBatchFits})
     *                                       or {@code optimizerSlots} is negative
     */
    public MemoryEstimate trainingMemory(int batchSize, int optimizerSlots) {
        requireBatchFits(batchSize);
        if (optimizerSlots < 0) {
            throw new InvalidConfigurationException("An optimizer keeps 0 or more state arrays per parameter, but"
                    + " this one claims " + optimizerSlots + ": fix the optimizer's stateSlots().");
        }
        long rows = batchSize;
        long buffers = rows * inputWidth + rows * outputWidth();
        for (LayerSpec layer : layers) {
            buffers += (layer.dropout() > 0 ? 5 : 3) * rows * layer.width();
        }
        long parameters = floatBytes(parameterCount());
        return new MemoryEstimate(parameters, parameters, parameters * optimizerSlots, floatBytes(buffers));
    }

    /**
     * Checks that a network of this spec fits in this JVM's heap for prediction ({@link #inferenceMemory()}
     * against {@link SizeLimits#heapBytes()}). Allocates nothing.
     *
     * @throws InvalidConfigurationException if it does not, saying how much it needs, how much the JVM
     *                                       may use and how to fix it
     */
    public void requireFitsInMemory() {
        requireFitsInMemory(SizeLimits.heapBytes());
    }

    void requireFitsInMemory(long heapBytes) {
        requireWithin(inferenceMemory(), heapBytes, "its parameters and prediction buffers",
                "use narrower layers");
    }

    /**
     * Checks that training a network of this spec fits: batches of {@code batchSize} in arrays and
     * {@link #trainingMemory} in this JVM's heap. Allocates nothing. When the dataset is known, pass the
     * smaller of the batch size and the number of examples (the trainer never makes a batch larger).
     *
     * @param batchSize      examples per step
     * @param optimizerSlots the optimizer's state arrays per parameter ({@code Optimizer.stateSlots()})
     * @throws InvalidConfigurationException if either does not fit, with the sizes, the limit and the fix
     */
    public void requireTrainable(int batchSize, int optimizerSlots) {
        requireTrainable(batchSize, optimizerSlots, SizeLimits.heapBytes());
    }

    void requireTrainable(int batchSize, int optimizerSlots, long heapBytes) {
        requireWithin(trainingMemory(batchSize, optimizerSlots), heapBytes, "its parameters, gradients, "
                + (optimizerSlots > 0 ? "optimizer state " : "") + "and buffers for batches of " + batchSize,
                "use narrower layers, a smaller batch");
    }

    private void requireWithin(MemoryEstimate needed, long heapBytes, String purpose, String firstFixes) {
        if (!needed.fitsIn(heapBytes)) {
            int largest = largestLayer();
            throw new InvalidConfigurationException("This network needs about "
                    + SizeLimits.gigabytes(needed.totalBytes()) + " for " + purpose + " (its largest layer is layer "
                    + (largest + 1) + ", " + SizeLimits.dense(fanIn(largest), layers.get(largest).width())
                    + "), but the JVM may use " + SizeLimits.gigabytes(heapBytes) + ": " + firstFixes + " or a larger"
                    + " heap (-Xmx, e.g. BACKPROP_JAVA_OPTS=-Xmx" + SizeLimits.suggestedHeap(needed.totalBytes())
                    + ").");
        }
    }

    /** The rows of one prediction chunk: {@value #PREDICTION_ROWS}, fewer when rows that wide would not fit in arrays. */
    int predictionRows() {
        return Math.min(PREDICTION_ROWS, maxBatchSize());
    }

    /** The widest row of values a batch stores: the inputs or a layer's outputs. */
    private int widest() {
        int widest = inputWidth;
        for (LayerSpec layer : layers) {
            widest = Math.max(widest, layer.width());
        }
        return widest;
    }

    private String widestName() {
        int widest = widest();
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).width() == widest && widest > inputWidth) {
                return "layer " + (i + 1) + " (" + SizeLimits.dense(fanIn(i), widest) + ")";
            }
        }
        return "the " + inputWidth + " inputs";
    }

    /** The index of the layer with the most weights. */
    private int largestLayer() {
        int largest = 0;
        for (int i = 1; i < layers.size(); i++) {
            if ((long) fanIn(i) * layers.get(i).width() > (long) fanIn(largest) * layers.get(largest).width()) {
                largest = i;
            }
        }
        return largest;
    }

    private static long floatBytes(long values) {
        return values * Float.BYTES;
    }
}
