package dev.backprop.spark;

import dev.backprop.api.optimizer.OptimizerState;
import dev.backprop.core.network.Gradients;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.TrainingStep;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The driver's training loop over an RDD holding one {@link RowBlock} per partition (persisted).
 *
 * <p><b>syncEvery = 1 (default): synchronous data-parallel mini-batch descent.</b> Per epoch every
 * partition shuffles its own block ({@link RowBlock#shuffled}), and per global batch ({@link BatchPlan})
 * the driver broadcasts the weights, each partition computes the gradient sum of its share, the sums are
 * combined with {@code treeAggregate}, and the driver applies one optimizer update with its own
 * {@link TrainingStep}, the only owner of the optimizer state. With one partition this is the
 * single-machine {@link dev.backprop.core.train.Trainer} run; with several it differs only in the order
 * of the summation (and in which rows form each batch).
 *
 * <p><b>syncEvery = k &gt; 1: parameter averaging.</b> The weights and optimizer states are broadcast
 * once per round of {@code k} global batches; each partition takes up to {@code k} local steps on its
 * shares with its own copy of the optimizer state, and the driver replaces weights and every state slot
 * by their average weighted by the rows each partition trained on (the step counter advances by the
 * round's batches). Rounds do not cross epochs.
 */
final class DataParallelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(DataParallelTrainer.class);

    private DataParallelTrainer() {
    }

    /** The trained network and the mean training loss of each epoch, first to last. */
    record Result(Network network, double[] epochLosses) {
    }

    /** Trains a new network (initial weights from the recipe's seed). */
    static Result train(JavaRDD<RowBlock> blocks, int[] partitionRows, TrainingRecipe recipe, int batchSize,
                         int epochs, int syncEvery) {
        JavaSparkContext context = JavaSparkContext.fromSparkContext(blocks.context());
        BatchPlan plan = BatchPlan.of(partitionRows, batchSize);
        Broadcast<BatchPlan> sharedPlan = context.broadcast(plan);
        Network network = recipe.newNetwork();
        double[] epochLosses = new double[epochs];
        long seed = recipe.seed();
        LOG.info("Training {} on {} rows in {} partitions: {} epochs of {} batches of {}, syncEvery={}",
                recipe.network(), plan.totalRows(), plan.partitions(), epochs, plan.batches(), plan.batchSize(),
                syncEvery);
        try (TrainingStep driver = TrainingStep.builder(network, recipe.loss(), recipe.optimizer())
                .capacity(1).threads(1).build()) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                final int e = epoch;
                JavaRDD<RowBlock> shuffled = blocks.map(block -> block.shuffled(seed, e))
                        .persist(StorageLevel.MEMORY_AND_DISK());
                double lossSum = 0;
                try {
                    for (int batch = 0; batch < plan.batches(); batch += syncEvery) {
                        int end = Math.min(plan.batches(), batch + syncEvery);
                        lossSum += syncEvery == 1
                                ? synchronousStep(context, shuffled, recipe, sharedPlan, driver, epoch, batch)
                                : averagingRound(context, shuffled, recipe, sharedPlan, driver, epoch, batch, end);
                    }
                } finally {
                    shuffled.unpersist(false);
                }
                epochLosses[epoch - 1] = lossSum / plan.totalRows();
                LOG.info("Epoch {}/{}: mean training loss {}", epoch, epochs, epochLosses[epoch - 1]);
            }
        } finally {
            sharedPlan.destroy();
        }
        return new Result(network, epochLosses);
    }

    private static double synchronousStep(JavaSparkContext context, JavaRDD<RowBlock> blocks, TrainingRecipe recipe,
                                          Broadcast<BatchPlan> plan, TrainingStep driver, int epoch, int batch) {
        Broadcast<byte[]> weights = context.broadcast(ParameterValues.capture(driver.network()).toBytes());
        try {
            StepSum total = blocks.treeAggregate(StepSum.empty(),
                    (sum, block) -> sum.add(PartitionWork.gradientSum(block, recipe, weights.value(), plan.value(),
                            batch)),
                    StepSum::add);
            requireFinite(total.lossSum(), epoch, batch, driver);
            driver.apply(total.sum().scale(1.0 / total.rows()));
            return total.lossSum();
        } finally {
            weights.destroy();
        }
    }

    private static double averagingRound(JavaSparkContext context, JavaRDD<RowBlock> blocks, TrainingRecipe recipe,
                                         Broadcast<BatchPlan> plan, TrainingStep driver, int epoch, int fromBatch,
                                         int toBatch) {
        Network network = driver.network();
        List<OptimizerState> states = driver.optimizerStates();
        int slotCount = driver.optimizer().stateSlots();
        byte[][] slotBytes = new byte[slotCount][];
        for (int k = 0; k < slotCount; k++) {
            slotBytes[k] = ParameterValues.captureSlot(network, states, k).toBytes();
        }
        long stateStep = states.isEmpty() ? 0 : states.get(0).step();
        Broadcast<byte[]> weights = context.broadcast(ParameterValues.capture(network).toBytes());
        Broadcast<byte[][]> slots = context.broadcast(slotBytes);
        try {
            RoundSum total = blocks.treeAggregate(RoundSum.empty(),
                    (sum, block) -> sum.add(PartitionWork.localRound(block, recipe, weights.value(), slots.value(),
                            stateStep, plan.value(), fromBatch, toBatch)),
                    RoundSum::add);
            requireFinite(total.lossSum(), epoch, fromBatch, driver);
            double share = 1.0 / total.rows();
            ParameterValues.restore(total.weights().scale(share), network);
            Gradients[] averagedSlots = total.slots();
            for (int k = 0; k < slotCount; k++) {
                ParameterValues.restoreSlot(averagedSlots[k].scale(share), states, k);
            }
            for (OptimizerState state : states) {
                state.restoreStep(stateStep + (toBatch - fromBatch));
            }
            return total.lossSum();
        } finally {
            weights.destroy();
            slots.destroy();
        }
    }

    private static void requireFinite(double lossSum, int epoch, int batch, TrainingStep driver) {
        if (!Double.isFinite(lossSum)) {
            throw new IllegalStateException("Training stopped at epoch " + epoch + ", batch " + (batch + 1) + ": the "
                    + driver.loss().id() + " loss became " + lossSum + ". Lower the learning rate (now "
                    + driver.currentLearningRate() + ") or scale the features.");
        }
    }
}
