package dev.backprop.spark;

import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Gradients;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.TrainingStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one partition computes in one Spark task, free of Spark: the gradient sum of its share of a
 * global batch ({@code syncEvery = 1}), or a round of local steps ({@code syncEvery > 1}).
 *
 * <p>Each task rebuilds its network and {@link TrainingStep} from the {@link TrainingRecipe} and the
 * broadcast weights. There is deliberately no executor-side cache (no static mutable state, the
 * project's rule): for the small multilayer perceptrons this module trains, rebuilding costs well under
 * a millisecond, far below the ~30 ms of scheduling each Spark job costs anyway.
 */
final class PartitionWork {

    private PartitionWork() {
    }

    /**
     * The sum over this partition's rows of batch {@code batch} of the per-row gradients, evaluated at
     * {@code weights}: {@code TrainingStep.gradients(...) · rows}, as the issue describes.
     */
    static StepSum gradientSum(RowBlock block, TrainingRecipe recipe, byte[] weights, BatchPlan plan, int batch) {
        int p = block.partition();
        int rows = plan.count(p, batch);
        if (rows == 0) {
            return StepSum.empty();
        }
        Network network = recipe.newNetwork();
        ParameterValues.restore(Gradients.fromBytes(weights), network);
        int from = plan.from(p, batch);
        float[] x = rowsOf(block.features(), block.featureWidth(), from, rows);
        float[] y = rowsOf(block.targets(), block.targetWidth(), from, rows);
        try (TrainingStep step = TrainingStep.builder(network, recipe.loss(), recipe.optimizer())
                .capacity(rows).threads(1).build()) {
            Gradients sum = step.gradients(x, y, rows).copy().scale(rows);
            return StepSum.of(sum, rows, step.lastLoss() * rows);
        }
    }

    /**
     * A round of local steps: from the broadcast weights and optimizer states, one step per batch in
     * {@code [fromBatch, toBatch)} on this partition's share of it (batches it has no rows in are
     * skipped), then the final weights and state slots multiplied by the rows trained on.
     *
     * @param slots     the optimizer states' slots, one {@link Gradients}-shaped tensor set per slot, as bytes
     * @param stateStep the optimizer states' step counter at the start of the round
     */
    static RoundSum localRound(RowBlock block, TrainingRecipe recipe, byte[] weights, byte[][] slots, long stateStep,
                               BatchPlan plan, int fromBatch, int toBatch) {
        int p = block.partition();
        long trained = 0;
        for (int b = fromBatch; b < toBatch; b++) {
            trained += plan.count(p, b);
        }
        if (trained == 0) {
            return RoundSum.empty();
        }
        Network network = recipe.newNetwork();
        ParameterValues.restore(Gradients.fromBytes(weights), network);
        Optimizer optimizer = recipe.optimizer();
        List<OptimizerState> states = new ArrayList<>();
        for (int i = 0; i < network.parameters().size(); i++) {
            OptimizerState state = new OptimizerState(optimizer.stateSlots(), network.parameters().get(i).size());
            state.restoreStep(stateStep);
            states.add(state);
        }
        for (int k = 0; k < slots.length; k++) {
            ParameterValues.restoreSlot(Gradients.fromBytes(slots[k]), states, k);
        }
        double lossSum = 0;
        try (TrainingStep step = TrainingStep.builder(network, recipe.loss(), optimizer)
                .capacity(plan.largestShare(p)).threads(1).optimizerStates(states).build()) {
            for (int b = fromBatch; b < toBatch; b++) {
                int rows = plan.count(p, b);
                if (rows == 0) {
                    continue;
                }
                int from = plan.from(p, b);
                double loss = step.step(rowsOf(block.features(), block.featureWidth(), from, rows),
                        rowsOf(block.targets(), block.targetWidth(), from, rows), rows);
                lossSum += loss * rows;
            }
        }
        Gradients weighted = ParameterValues.capture(network).scale(trained);
        Gradients[] weightedSlots = new Gradients[slots.length];
        for (int k = 0; k < slots.length; k++) {
            weightedSlots[k] = ParameterValues.captureSlot(network, states, k).scale(trained);
        }
        return RoundSum.of(weighted, weightedSlots, trained, lossSum);
    }

    private static float[] rowsOf(float[] values, int width, int from, int rows) {
        return Arrays.copyOfRange(values, from * width, (from + rows) * width);
    }
}
