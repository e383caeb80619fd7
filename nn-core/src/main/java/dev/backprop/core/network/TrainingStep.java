package dev.backprop.core.network;

import dev.backprop.api.Hyperparameters;
import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.NumericalInstabilityException;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of mini-batch training, as one object: it owns the {@link Workspace} (buffers and threads),
 * the optimizer's state per parameter and the gradient clipping, and reads top to bottom:
 * <pre>
 * step(x, y, rows):  gradients(x, y, rows)     forward, loss, backward into named {@link Gradients}
 *                    apply(gradients)          clip, advance each state's step, optimizer update
 * </pre>
 * {@link #step} is the ordinary loop's call and allocates nothing. A distributed run splits it: each
 * machine calls {@link #gradients} on its share of the batch, the gradients are summed and scaled
 * elsewhere, and one {@link #apply} updates the parameters. The results do not depend on the number of
 * threads. Not thread-safe: one caller at a time. Close it to stop its threads.
 */
public final class TrainingStep implements AutoCloseable {

    private final Network network;
    private final Loss loss;
    private final Optimizer optimizer;
    private final GradientClipping clipping;
    private final Workspace workspace;
    private final List<OptimizerState> states;
    private final ParameterUpdate update;
    private Optimizer rule;
    private boolean updating = true;
    private double lastLoss = Double.NaN;
    private int lastRows;
    private float[] lastInputs;
    private float[] lastTargets;
    private boolean ownGradientsFresh;
    private boolean closed;

    private TrainingStep(Builder builder) {
        if (builder.threads < 1 || builder.capacity < 1) {
            throw new InvalidConfigurationException("A training step needs at least 1 thread and a capacity of at least"
                    + " 1 example, was given threads=" + builder.threads + " and capacity=" + builder.capacity
                    + ": use threads(1) for single-threaded training and capacity(batchSize).");
        }
        this.network = builder.network;
        this.loss = builder.loss;
        this.optimizer = builder.optimizer;
        this.rule = builder.optimizer;
        this.clipping = builder.clipping;
        if (builder.states == null) {
            network.spec().requireTrainable(builder.capacity, optimizer.stateSlots());
        }
        this.states = builder.states != null ? List.copyOf(builder.states) : freshStates(network, optimizer);
        requireStatesFit(network, optimizer, states);
        this.workspace = network.newWorkspace(builder.capacity, builder.threads, builder.dropoutSeed);
        this.update = new ParameterUpdate(network.kernels(), network.parameters(), states, workspace.threads());
    }

    /** A builder for a step of {@code network}, minimising {@code loss} with {@code optimizer}. */
    public static Builder builder(Network network, Loss loss, Optimizer optimizer) {
        return new Builder(network, loss, optimizer);
    }

    private static List<OptimizerState> freshStates(Network network, Optimizer optimizer) {
        List<OptimizerState> fresh = new ArrayList<>();
        for (Parameter parameter : network.parameters()) {
            fresh.add(new OptimizerState(optimizer.stateSlots(), parameter.size()));
        }
        return fresh;
    }

    private static void requireStatesFit(Network network, Optimizer optimizer, List<OptimizerState> states) {
        List<Parameter> parameters = network.parameters();
        if (states.size() != parameters.size()) {
            throw new ShapeMismatchException("Expected one optimizer state per parameter (" + parameters.size()
                    + ") but found " + states.size() + ": pass the states saved with this network's run.",
                    parameters.size(), states.size());
        }
        for (int i = 0; i < states.size(); i++) {
            OptimizerState state = states.get(i);
            Parameter parameter = parameters.get(i);
            boolean fits = state.slotCount() == optimizer.stateSlots();
            for (int k = 0; fits && k < state.slotCount(); k++) {
                fits = state.slot(k).length == parameter.size();
            }
            if (!fits) {
                int found = state.slotCount() == optimizer.stateSlots() ? state.slot(0).length : state.slotCount();
                int expected = state.slotCount() == optimizer.stateSlots() ? parameter.size() : optimizer.stateSlots();
                throw new ShapeMismatchException("The optimizer state of '" + parameter.name() + "' does not fit: '"
                        + optimizer.id() + "' needs " + optimizer.stateSlots() + " slots of " + parameter.size()
                        + " values, the state has " + state.slotCount() + " slots" + (state.slotCount() == 0 ? ""
                        : " of " + state.slot(0).length) + ": resume with the optimizer and network the states were"
                        + " saved with.", expected, found);
            }
        }
    }

    /**
     * One training step on {@code rows} examples: {@link #gradients}, then {@link #apply}. When the loss
     * is NaN or infinite the parameters are left as they are (see {@link #firstNonFiniteLayer}); when the
     * update makes a parameter non-finite, {@link #apply} throws.
     *
     * @param inputs  {@code rows × inputWidth} values, row-major
     * @param targets {@code rows × targetWidth} values, row-major
     * @return the batch loss, weight penalties included
     */
    public double step(float[] inputs, float[] targets, int rows) {
        Gradients gradients = gradients(inputs, targets, rows);
        if (Double.isFinite(lastLoss)) {
            apply(gradients);
        }
        return lastLoss;
    }

    /**
     * Forward, loss and backward on {@code rows} examples. The loss is {@link #lastLoss()}.
     *
     * @return this step's own gradients {@code ∂E/∂θ} of the batch loss (the loss's own mean over the
     *         batch, plus the weight penalties' gradients): live, overwritten by the next call, so
     *         {@link Gradients#copy() copy} them to keep them
     */
    public Gradients gradients(float[] inputs, float[] targets, int rows) {
        requireOpen();
        ownGradientsFresh = false;
        lastLoss = network.computeGradients(workspace, inputs, targets, rows, loss);
        lastRows = rows;
        lastInputs = inputs;
        lastTargets = targets;
        ownGradientsFresh = true;
        return workspace.gradients();
    }

    /**
     * Clips the gradients (when clipping is configured), advances every optimizer state's step and lets
     * the optimizer update every parameter, on this step's threads. Gradients from elsewhere (summed
     * across machines, say) are first copied into this step's own buffer, so the caller's object is
     * never changed and may be applied again; this step's own gradients are clipped in place. With a
     * learning rate of 0 for the epoch ({@link #learningRate}) no parameter and no state changes.
     *
     * <p>Every updated value is checked (in cache, right after the optimizer wrote it): when the update
     * left a NaN or an infinity in a parameter, the step throws, naming the parameter and where the
     * first non-finite value came from. The parameters are then partly updated: discard the network, or
     * reload the last saved copy.
     *
     * @throws ShapeMismatchException        if {@code gradients} do not pair with this network's parameters
     *                                       (checked before anything changes)
     * @throws NumericalInstabilityException if a parameter became NaN or infinite: the message names it,
     *                                       whether its gradient already was, and the plugin whose backward
     *                                       produced the first non-finite value (or the optimizer that overflowed)
     * @throws dev.backprop.api.PluginFailedException if the optimizer threw
     */
    public void apply(Gradients gradients) {
        requireOpen();
        Gradients own = workspace.gradients();
        boolean ownPass = gradients == own && ownGradientsFresh;
        if (gradients != own) {
            own.copyFrom(gradients);
        }
        ownGradientsFresh = false;
        if (clipping.mode() != GradientClipping.Mode.NONE) {
            clipping.apply(own);
        }
        if (!updating) {
            return;
        }
        for (int i = 0; i < states.size(); i++) {
            states.get(i).advance();
        }
        update.clearFindings();
        try {
            workspace.run(update.prepare(rule, own));
        } finally {
            update.prepare(null, null);
        }
        int nonFinite = update.firstNonFinite();
        if (nonFinite != ParameterUpdate.NONE) {
            throw new NonFiniteOrigin(network, workspace, loss, rule)
                    .explain(nonFinite, ownPass, lastInputs, lastTargets, Math.max(lastRows, 1));
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("This training step was closed (its threads stopped): build a new one"
                    + " with TrainingStep.builder(...) to train more.");
        }
    }

    /**
     * Sets the learning rate of the following steps (a schedule calls this once per epoch): the
     * optimizer's own when {@code rate} equals it, none at all when {@code rate} is 0 (optimizers refuse
     * 0, so such steps measure the loss and leave every parameter as it is).
     */
    public void learningRate(double rate) {
        updating = rate != 0;
        rule = !updating || Double.compare(rate, optimizer.learningRate()) == 0 ? optimizer
                : optimizer.withHyperparameters(Hyperparameters.of(Optimizer.LEARNING_RATE, rate));
    }

    /** Restarts the dropout masks from {@code seed} (same seed, same masks). */
    public void reseedDropout(long seed) {
        workspace.reseedDropout(seed);
    }

    /**
     * Moves the dropout masks on as if {@code rows} examples had been trained since the last
     * {@link #reseedDropout}, without training them: a run resumed in the middle of an epoch reseeds for
     * the epoch, then skips the rows of the batches it had already trained, and drops what an
     * uninterrupted run would.
     */
    public void skipDropout(long rows) {
        workspace.skipDropout(rows);
    }

    /** The loss of the last {@link #gradients} or {@link #step} call (NaN before the first). */
    public double lastLoss() {
        return lastLoss;
    }

    /** The outputs of the last forward pass ({@code rows × outputWidth}, live; the next pass overwrites them). */
    public float[] outputs() {
        return workspace.outputs();
    }

    /**
     * After a step whose loss was not finite, the first layer whose weighted sums or activations were,
     * such as {@code "layer 2 ('acme.bad', its activation's output)"}.
     */
    public Optional<String> firstNonFiniteLayer() {
        return network.firstNonFiniteLayer(workspace, Math.max(lastRows, 1));
    }

    /**
     * A copy of what the last {@link #gradients} call computed (each layer's {@code z}, {@code a} and
     * {@code δ = ∂E/∂z} over its rows, the loss and the gradients), for teaching and debugging.
     *
     * @throws IllegalStateException before the first {@link #gradients} call
     */
    public PassTrace trace() {
        requireOpen();
        if (lastRows == 0) {
            throw new IllegalStateException("Nothing to trace yet: call gradients(inputs, targets, rows) first.");
        }
        List<PassTrace.Layer> layers = new ArrayList<>();
        List<DenseLayer> dense = network.layers();
        for (int i = 0; i < dense.size(); i++) {
            DenseLayer layer = dense.get(i);
            layers.add(new PassTrace.Layer(PluginFailures.layerName(layer), layer.activation().id().toString(),
                    rows(workspace.preActivations[i], layer.fanOut()), rows(workspace.activations[i], layer.fanOut()),
                    rows(workspace.deltas[i], layer.fanOut())));
        }
        return new PassTrace(layers, lastLoss, workspace.gradients().copy());
    }

    /** The first {@link #lastRows} rows of {@code values}, {@code width} values each. */
    private float[][] rows(float[] values, int width) {
        float[][] rows = new float[lastRows][];
        for (int r = 0; r < lastRows; r++) {
            rows[r] = Arrays.copyOfRange(values, r * width, (r + 1) * width);
        }
        return rows;
    }

    /** The optimizer state of every parameter, in the order of {@link Network#parameters()} (live). */
    public List<OptimizerState> optimizerStates() {
        return states;
    }

    /** The network trained. */
    public Network network() {
        return network;
    }

    /** The loss minimised. */
    public Loss loss() {
        return loss;
    }

    /** The update rule, with its own learning rate (before any schedule). */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The largest batch a step takes. */
    public int capacity() {
        return workspace.capacity();
    }

    /** The learning rate of the following steps (the optimizer's own until {@link #learningRate(double)}). */
    public double currentLearningRate() {
        return updating ? rule.learningRate() : 0;
    }

    /** Stops the step's threads; later calls of {@link #step}, {@link #gradients} and {@link #apply} are refused. */
    @Override
    public void close() {
        closed = true;
        workspace.close();
    }

    /** Builds a {@link TrainingStep}. Not thread-safe. */
    public static final class Builder {
        private final Network network;
        private final Loss loss;
        private final Optimizer optimizer;
        private GradientClipping clipping = GradientClipping.none();
        private int capacity = 32;
        private int threads = 1;
        private long dropoutSeed;
        private List<OptimizerState> states;

        private Builder(Network network, Loss loss, Optimizer optimizer) {
            this.network = Objects.requireNonNull(network, "network");
            this.loss = Objects.requireNonNull(loss, "loss");
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        }

        /** The largest batch (default 32). */
        public Builder capacity(int examples) {
            this.capacity = examples;
            return this;
        }

        /** Threads per step, the caller included (default 1); the results are the same for any count. */
        public Builder threads(int count) {
            this.threads = count;
            return this;
        }

        /** Gradient clipping before each update (default none). */
        public Builder clipping(GradientClipping gradientClipping) {
            this.clipping = Objects.requireNonNull(gradientClipping, "clipping");
            return this;
        }

        /** The seed of the dropout masks until the first {@link TrainingStep#reseedDropout} (default 0). */
        public Builder dropoutSeed(long seed) {
            this.dropoutSeed = seed;
            return this;
        }

        /**
         * Optimizer states to go on from (a resumed run), one per parameter; default fresh ones. The step
         * updates these very objects (copy them first to keep the originals).
         */
        public Builder optimizerStates(List<OptimizerState> saved) {
            this.states = List.copyOf(saved);
            return this;
        }

        /** The step, with its workspace and threads started. */
        public TrainingStep build() {
            return new TrainingStep(this);
        }
    }
}
