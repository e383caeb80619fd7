package dev.backprop.core.network;

import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.internal.MatrixKernels;
import java.util.List;

/**
 * The update phase: the optimizer moves every parameter from its gradient, each thread on its share
 * of every tensor (optimizers are element-wise). The parameters and their states are fixed; the rule
 * and the gradients are handed in by {@link #prepare} before each run, since the schedule changes the
 * rule once per epoch and a distributed run applies gradients summed elsewhere.
 */
final class ParameterUpdate implements Phase {

    private final List<Parameter> parameters;
    private final List<OptimizerState> states;
    private final long size;
    private Optimizer rule;
    private Gradients gradients;

    ParameterUpdate(List<Parameter> parameters, List<OptimizerState> states) {
        this.parameters = parameters;
        this.states = states;
        this.size = parameters.stream().mapToLong(Parameter::size).sum();
    }

    /** The rule and the gradients of the next run. */
    ParameterUpdate prepare(Optimizer nextRule, Gradients nextGradients) {
        this.rule = nextRule;
        this.gradients = nextGradients;
        return this;
    }

    @Override
    public boolean worthSharing(int rows) {
        return size >= MIN_SHARED_ELEMENTS;
    }

    @Override
    public void run(int part, int parts) {
        for (int p = 0; p < parameters.size(); p++) {
            float[] values = parameters.get(p).values();
            rule.update(values, gradients.tensor(p), states.get(p), MatrixKernels.shareStart(values.length, part, parts),
                    MatrixKernels.shareStart(values.length, part + 1, parts));
        }
    }
}
