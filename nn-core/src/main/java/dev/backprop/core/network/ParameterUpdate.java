package dev.backprop.core.network;

import dev.backprop.api.BackpropException;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.internal.MatrixKernels;
import java.util.Arrays;
import java.util.List;

/**
 * The update phase: the optimizer moves every parameter from its gradient, each thread on its share
 * of every tensor (optimizers are element-wise), and checks that what it wrote is finite. The
 * parameters and their states are fixed; the rule and the gradients are handed in by {@link #prepare}
 * before each run, since the schedule changes the rule once per epoch and a distributed run applies
 * gradients summed elsewhere.
 *
 * <p><b>The divergence check.</b> Each share is updated in chunks of {@link #CHUNK} values, and each
 * chunk is checked with {@link MatrixKernels#allFinite} right after the optimizer wrote it, while it is
 * still in the cache: a few percent of the update's own time, and it catches every NaN or infinity
 * the step let into the weights (a non-finite gradient reaches the weights through any element-wise
 * rule, and so does an overflowing one). {@link #firstNonFinite()} then says which parameter.
 */
final class ParameterUpdate implements Phase {

    /** Values updated and checked at a time: small enough that the check reads them from the L1/L2 cache. */
    static final int CHUNK = 8192;
    /** No parameter went non-finite. */
    static final int NONE = -1;

    private final MatrixKernels kernels;
    private final List<Parameter> parameters;
    private final List<OptimizerState> states;
    private final long size;
    private final int[] firstNonFiniteOfPart;
    private Optimizer rule;
    private Gradients gradients;

    ParameterUpdate(MatrixKernels kernels, List<Parameter> parameters, List<OptimizerState> states, int maxParts) {
        this.kernels = kernels;
        this.parameters = parameters;
        this.states = states;
        this.size = parameters.stream().mapToLong(Parameter::size).sum();
        this.firstNonFiniteOfPart = new int[maxParts];
    }

    /** The rule and the gradients of the next run. */
    ParameterUpdate prepare(Optimizer nextRule, Gradients nextGradients) {
        this.rule = nextRule;
        this.gradients = nextGradients;
        return this;
    }

    @Override
    public int shares(int rows, int threads) {
        return Phase.sharesOf(size, ELEMENTS_PER_SHARE, threads);
    }

    /** Before a run: forgets the last run's findings. */
    void clearFindings() {
        Arrays.fill(firstNonFiniteOfPart, NONE);
    }

    @Override
    public void run(int part, int parts) {
        int firstNonFinite = NONE;
        for (int p = 0; p < parameters.size(); p++) {
            float[] values = parameters.get(p).values();
            float[] gradient = gradients.tensor(p);
            OptimizerState state = states.get(p);
            int to = MatrixKernels.shareStart(values.length, part + 1, parts);
            for (int from = MatrixKernels.shareStart(values.length, part, parts); from < to; from += CHUNK) {
                int end = Math.min(to, from + CHUNK);
                rule.update(values, gradient, state, from, end);
                if (firstNonFinite == NONE && !kernels.allFinite(values, from, end)) {
                    firstNonFinite = p;
                }
            }
        }
        firstNonFiniteOfPart[part] = firstNonFinite;
    }

    /** After a run: the index of the first parameter (in network order) with a NaN or infinity, or {@link #NONE}. */
    int firstNonFinite() {
        int first = NONE;
        for (int found : firstNonFiniteOfPart) {
            if (found != NONE && (first == NONE || found < first)) {
                first = found;
            }
        }
        return first;
    }

    @Override
    public RuntimeException failed(RuntimeException failure) {
        return failure instanceof BackpropException ? failure
                : PluginFailures.plugin("optimizer", rule, "updating the parameters", failure);
    }
}
