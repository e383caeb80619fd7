package dev.backprop.core.network;

import dev.backprop.api.BackpropException;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.init.WeightInitializer;
import dev.backprop.api.loss.Loss;
import dev.backprop.core.internal.ComputeTeam;
import dev.backprop.core.internal.MatrixKernels;
import dev.backprop.core.loss.FusedWithSoftmax;
import dev.backprop.core.plugin.PluginRegistry;
import dev.backprop.core.text.ClosestMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A sequential multi-layer perceptron: dense layers applied in order, computed as batched matrix
 * products ({@code Z = X·W + b}, {@code A = f(Z)}) on row-major float32 arrays.
 *
 * <p>Build one with {@link #builder()} or from a {@link NetworkSpec} with {@link #create}. Training
 * goes through a {@link TrainingStep} (or {@link #computeGradients} with a {@link Workspace}); {@link #predict} is safe to
 * call from many threads at once as long as nobody is training the network at the same time. The
 * parameters are live arrays: optimizers and model readers update them in place.
 */
public final class Network {

    private final NetworkSpec spec;
    private final int predictionRows;
    private final List<DenseLayer> layers;
    private final List<Parameter> parameters;

    private final MatrixKernels kernels = MatrixKernels.best();
    private final ThreadLocal<Workspace> inferenceWorkspaces = ThreadLocal.withInitial(this::newInferenceWorkspace);

    /** Checks that the network fits in the heap, then allocates its parameters. */
    Network(NetworkSpec spec, List<LayerActivation> activations) {
        spec.requireFitsInMemory();
        this.spec = spec;
        this.predictionRows = spec.predictionRows();
        List<DenseLayer> built = new ArrayList<>();
        List<Parameter> params = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layerSpec = spec.layers().get(i);
            DenseLayer layer = new DenseLayer(i, spec.fanIn(i), layerSpec.width(), activations.get(i),
                    layerSpec.penalty(), layerSpec.dropout());
            built.add(layer);
            params.add(layer.weights());
            params.add(layer.biases());
        }
        this.layers = List.copyOf(built);
        this.parameters = List.copyOf(params);
    }

    /** A fluent builder: {@code Network.builder().input(2).dense(4, "tanh").dense(1, "sigmoid").build()}. */
    public static NetworkBuilder builder() {
        return new NetworkBuilder();
    }

    /**
     * A network of architecture {@code spec}, its activations resolved through {@code registry}, its
     * weights drawn from each layer's initialiser with {@code seed} (same seed, same weights).
     *
     * @throws dev.backprop.api.InvalidConfigurationException if it would not fit in this JVM's heap
     *         ({@link NetworkSpec#requireFitsInMemory()}), before anything is allocated
     */
    public static Network create(NetworkSpec spec, PluginRegistry registry, long seed) {
        List<LayerActivation> activations = new ArrayList<>();
        for (LayerSpec layer : spec.layers()) {
            activations.add(LayerActivations.resolve(registry, layer.activation(), layer.activationHyperparameters()));
        }
        Network network = new Network(spec, activations);
        network.initialise(registry, seed);
        return network;
    }

    /**
     * Draws every layer's weights with its initialiser (the one named in the spec, else its
     * activation's default), resolved through {@code registry}, from one generator seeded with
     * {@code seed}; biases start at zero.
     */
    void initialise(PluginRegistry registry, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < layers.size(); i++) {
            DenseLayer layer = layers.get(i);
            LayerSpec layerSpec = spec.layers().get(i);
            WeightInitializer initializer = registry.initializer(
                    layerSpec.explicitInitializer().orElse(layer.activation().defaultInitializer()),
                    layerSpec.initializerHyperparameters());
            initializer.initialize(layer.weights().values(), layer.fanIn(), layer.fanOut(), random);
            Arrays.fill(layer.biases().values(), 0f);
        }
    }

    /** The architecture. */
    public NetworkSpec spec() {
        return spec;
    }

    /** The number of input features. */
    public int inputWidth() {
        return spec.inputWidth();
    }

    /** The number of outputs. */
    public int outputWidth() {
        return spec.outputWidth();
    }

    /** Every trainable tensor, layer by layer: weights then biases ({@code dense_1.weight}, {@code dense_1.bias}, ...). */
    public List<Parameter> parameters() {
        return parameters;
    }

    /**
     * The parameter named {@code name} ({@code dense_2.weight}, {@code dense_2.bias}, ...), live: read
     * and write it with its shape checked through {@link Parameter#read(Parameter.Orientation)} and
     * {@link Parameter#write(float[][], Parameter.Orientation)}.
     *
     * @throws IllegalArgumentException if no parameter has that name (the message lists the names)
     */
    public Parameter parameter(String name) {
        for (Parameter parameter : parameters) {
            if (parameter.name().equals(name)) {
                return parameter;
            }
        }
        List<String> names = parameters.stream().map(Parameter::name).toList();
        throw new IllegalArgumentException("This network has no parameter '" + name + "'; its parameters are "
                + names + " (dense layers counted from 1)." + ClosestMatch.suggestion(name, names));
    }

    /** Zero gradients paired with {@link #parameters()} by name. */
    public Gradients newGradients() {
        return Gradients.zerosLike(parameters);
    }

    /** Training buffers for batches of up to {@code capacity} examples, computed by the calling thread alone. */
    public Workspace newWorkspace(int capacity) {
        return newWorkspace(capacity, 1);
    }

    /**
     * Training buffers for batches of up to {@code capacity} examples, each step shared by
     * {@code threads} threads (the caller and {@code threads − 1} workers, started now). Results do
     * not depend on the thread count. Close the workspace to stop its workers.
     */
    public Workspace newWorkspace(int capacity, int threads) {
        return newWorkspace(capacity, threads, 0);
    }

    /**
     * Training buffers as {@link #newWorkspace(int, int)}, whose dropout masks are drawn from a generator
     * seeded with {@code dropoutSeed} (same seed, same masks). Before allocating, checks the thread count
     * against {@code TrainingSettings.maxThreads()}, the capacity against the array limit
     * ({@link NetworkSpec#requireBatchFits}) and the parameters, gradients and buffers against the heap.
     *
     * @throws ShapeMismatchException         if {@code capacity} is below 1
     * @throws InvalidConfigurationException if the threads, the capacity or the memory needed are too large
     */
    public Workspace newWorkspace(int capacity, int threads, long dropoutSeed) {
        checkCapacity(capacity);
        ComputeTeam.requireThreads(threads);
        spec.requireTrainable(capacity, 0);
        return new Workspace(kernels, parameters, inputWidth(), layers, capacity, threads, true, dropoutSeed);
    }

    /**
     * Runs {@code rows} examples (row-major, {@code rows × inputWidth}) forward, without dropout.
     *
     * @return the workspace's output buffer; its first {@code rows × outputWidth} values are the outputs
     */
    public float[] forward(Workspace workspace, float[] inputs, int rows) {
        checkBatch(workspace, inputs, rows);
        return workspace.forward(inputs, rows, false);
    }

    /**
     * One forward and backward pass (with dropout, the only call that drops): fills
     * {@code workspace.gradients()} with {@code ∂E/∂θ} for every parameter, where {@code E} is
     * {@code loss} over the batch plus the layers' weight penalties ({@link #penalty()}).
     * A softmax output followed by a cross-entropy that fuses with it ({@code categorical_cross_entropy},
     * {@code sparse_categorical_cross_entropy}) uses the fused gradient {@code (p − y)/B}.
     * {@link TrainingStep} runs this and the update; call it directly to inspect gradients.
     *
     * @param targets {@code rows × targetWidth} values, row-major
     * @return the batch loss {@code E}, penalties included
     */
    public double computeGradients(Workspace workspace, float[] inputs, float[] targets, int rows, Loss loss) {
        checkBatch(workspace, inputs, rows);
        if (!workspace.isForTraining()) {
            throw new IllegalStateException("This workspace was made for inference; use newWorkspace(...) to train.");
        }
        int width = outputWidth();
        int targetWidth = loss.targetWidth(width);
        long neededTargets = (long) rows * targetWidth;
        if (targets.length < neededTargets) {
            throw new ShapeMismatchException("Expected " + rows + " target rows of width " + targetWidth + " ("
                    + neededTargets + " values) but found " + targets.length + " values: give one target row per"
                    + " example, as the " + loss.id() + " loss reads them.", toInt(neededTargets), targets.length);
        }
        float[] outputs = workspace.forward(inputs, rows, true);
        boolean fused = fusesWithOutput(loss);
        double value;
        try {
            value = fused
                    ? ((FusedWithSoftmax) loss).evaluateAfterSoftmax(outputs, targets, rows, width,
                    workspace.outputDelta())
                    : loss.evaluate(outputs, targets, rows, width, workspace.outputDelta());
        } catch (BackpropException own) {
            throw own;
        } catch (RuntimeException failure) {
            throw PluginFailures.plugin("loss", loss, "computing the loss and its gradient", failure);
        }
        workspace.backward(fused);
        return value + penalty();
    }

    /** Whether {@code loss} gives ∂E/∂Z of a softmax output directly ({@code (p − y)/B}). */
    private boolean fusesWithOutput(Loss loss) {
        return layers.get(layers.size() - 1).activation() instanceof Softmax && loss instanceof FusedWithSoftmax;
    }

    /** The weight penalties' share of the loss, {@code Σ_layers l1·Σ|w| + l2·Σw²} (0 without penalties). */
    public double penalty() {
        double total = 0;
        for (int i = 0; i < layers.size(); i++) {
            total += layers.get(i).penaltyValue();
        }
        return total;
    }

    /**
     * After a forward pass that produced NaN or infinity, names the first layer whose pre-activations
     * or activations (over the first {@code rows} examples) are not finite, with its activation id:
     * {@code "layer 2 ('acme.bad')"}. Empty when every value is finite. Only for error reports: it scans
     * the whole workspace.
     */
    public Optional<String> firstNonFiniteLayer(Workspace workspace, int rows) {
        for (int i = 0; i < layers.size(); i++) {
            int count = rows * layers.get(i).fanOut();
            if (!allFinite(workspace.preActivations[i], count) || !allFinite(workspace.activations[i], count)) {
                String where = allFinite(workspace.preActivations[i], count)
                        ? "its activation's output" : "its weighted sums";
                return Optional.of("layer " + (i + 1) + " ('" + layers.get(i).activation().id() + "', "
                        + where + ")");
            }
        }
        return Optional.empty();
    }

    private boolean allFinite(float[] values, int count) {
        return kernels.allFinite(values, 0, count);
    }

    /**
     * The first parameter holding a NaN or an infinity, as {@code "dense_1.bias holds NaN (at index 1)"};
     * empty when every value is finite. For the checks before a network is saved or exported: it scans
     * every parameter.
     */
    public Optional<String> firstNonFiniteParameter() {
        for (Parameter parameter : parameters) {
            float[] values = parameter.values();
            if (!allFinite(values, values.length)) {
                for (int i = 0; i < values.length; i++) {
                    if (!Float.isFinite(values[i])) {
                        return Optional.of(parameter.name() + " holds " + values[i] + " (at index " + i + ")");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The outputs for one example. Safe to call from many threads at once. */
    public float[] predict(float[] input) {
        float[] output = new float[outputWidth()];
        predict(input, 1, output);
        return output;
    }

    /**
     * The outputs ({@code rows × outputWidth}, row-major) for {@code rows} examples. Thread-safe.
     *
     * @throws ShapeMismatchException         if {@code rows} is negative or {@code inputs} holds fewer than
     *                                        {@code rows × inputWidth} values
     * @throws InvalidConfigurationException if the {@code rows × outputWidth} outputs would not fit in one array
     */
    public float[] predict(float[] inputs, int rows) {
        checkPredictionInputs(inputs, rows);
        long size = (long) rows * outputWidth();
        if (size > SizeLimits.MAX_ARRAY_LENGTH) {
            throw new InvalidConfigurationException(rows + " examples give " + rows + " × " + outputWidth() + " = "
                    + size + " outputs, more than the " + SizeLimits.MAX_ARRAY_LENGTH + " a Java array holds: predict"
                    + " at most " + SizeLimits.MAX_ARRAY_LENGTH / outputWidth() + " examples per call.");
        }
        float[] outputs = new float[(int) size];
        predict(inputs, rows, outputs);
        return outputs;
    }

    /**
     * Writes the outputs for {@code rows} examples into {@code outputs} without allocating (after the
     * calling thread's first call). Safe to call from many threads at once while nobody trains the network.
     *
     * @throws ShapeMismatchException if {@code rows} is negative or an array is too short for {@code rows} examples
     */
    public void predict(float[] inputs, int rows, float[] outputs) {
        checkPredictionInputs(inputs, rows);
        long needed = (long) rows * outputWidth();
        if (outputs.length < needed) {
            throw new ShapeMismatchException("The output array holds " + outputs.length + " values but " + rows
                    + " examples give " + needed + ": allocate rows × outputWidth values.", toInt(needed),
                    outputs.length);
        }
        Workspace workspace = inferenceWorkspaces.get();
        int width = outputWidth();
        int chunks = (int) ((rows + (long) predictionRows - 1) / predictionRows);
        for (int c = 0; c < chunks; c++) {
            int from = c * predictionRows;
            int chunk = Math.min(predictionRows, rows - from);
            float[] chunkInputs = inputs;
            if (from > 0) {
                chunkInputs = workspace.chunkInput(inputs, from * inputWidth(), chunk * inputWidth());
            }
            checkBatch(workspace, chunkInputs, chunk);
            float[] result = workspace.forward(chunkInputs, chunk, false);
            System.arraycopy(result, 0, outputs, from * width, chunk * width);
        }
    }

    private void checkPredictionInputs(float[] inputs, int rows) {
        if (rows < 0) {
            throw new ShapeMismatchException("Expected a number of examples to predict, 0 or more, but was given "
                    + rows + " rows: pass the number of examples in the input array.", 0, rows);
        }
        long needed = (long) rows * inputWidth();
        if (inputs.length < needed) {
            throw new ShapeMismatchException("Expected " + rows + " input rows of " + inputWidth() + " features ("
                    + needed + " values) but found " + inputs.length + " values: each example needs "
                    + inputWidth() + " features, as in input(" + inputWidth() + ").", toInt(needed), inputs.length);
        }
    }

    /** {@code value} for an exception's int size field, saturated at {@code Integer.MAX_VALUE}. */
    private static int toInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    /**
     * Which matrix kernels this network computes with: {@code "loops"} (portable) or the Vector API
     * kernels (named with their vector width), for logs and benchmark reports.
     */
    public String kernelsName() {
        return kernels.name();
    }

    /** The dense layers, from the input's side. */
    List<DenseLayer> layers() {
        return layers;
    }

    /** The kernels this network computes with. */
    MatrixKernels kernels() {
        return kernels;
    }

    /** A calling thread's own small workspace for {@link #predict}: no gradients, no extra threads. */
    private Workspace newInferenceWorkspace() {
        return new Workspace(kernels, parameters, inputWidth(), layers, predictionRows, 1, false, 0);
    }

    private static void checkCapacity(int capacity) {
        if (capacity < 1) {
            throw new ShapeMismatchException("A workspace must hold at least 1 example, was asked for " + capacity
                    + ": pass the batch size.", 1, capacity);
        }
    }

    private void checkBatch(Workspace workspace, float[] inputs, int rows) {
        if (rows < 1 || rows > workspace.capacity()) {
            throw new ShapeMismatchException("Expected between 1 and " + workspace.capacity() + " examples (the"
                    + " workspace's capacity) but was given " + rows + ": create the workspace with"
                    + " newWorkspace(batchSize).", workspace.capacity(), rows);
        }
        long needed = (long) rows * inputWidth();
        if (inputs.length < needed) {
            throw new ShapeMismatchException("Expected " + rows + " input rows of " + inputWidth() + " features ("
                    + needed + " values) but found " + inputs.length + " values: each example needs "
                    + inputWidth() + " features, as in input(" + inputWidth() + ").", toInt(needed), inputs.length);
        }
    }
}
