package dev.backprop.core.train;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.api.NumericalInstabilityException;
import dev.backprop.api.PluginFailedException;
import dev.backprop.api.ShapeMismatchException;
import dev.backprop.api.loss.Loss;
import dev.backprop.api.optimizer.Optimizer;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.Evaluation;
import dev.backprop.core.network.Network;
import dev.backprop.core.network.TrainingStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Trains a {@link Network} by mini-batch gradient descent: for each epoch, (optionally) shuffle the
 * examples with a seeded generator, and for each batch compute the loss gradient by backpropagation
 * and let the optimizer update every parameter. Same configuration, same seed and same initial
 * weights give bit-identical weights.
 *
 * <p>The trainer keeps epochs, batches, listeners and reports; each mini-batch is one call of a
 * {@link TrainingStep} (made once per {@link #fit} call, sized for the batch, with
 * {@code settings.threads()} threads), which owns the buffers, the optimizer states and clipping and
 * allocates nothing; the loop allocates nothing but the small {@link BatchReport} handed to
 * listeners, when there are any. Every random draw of epoch
 * {@code e} (its shuffle, its dropout masks) comes from generators seeded with the run's seed and
 * {@code e} (one definition, {@link EpochOrder}, shared with distributed runs), so a run can stop after
 * any batch and {@link #resume} from a {@link TrainingCheckpoint} with the same result. The
 * result does not depend on the number of threads.
 *
 * <p>Listeners may end a run early through {@link TrainingListener#stopRequested()}, which the trainer
 * asks after every batch and after every epoch: a stop between two batches of an epoch ends the run
 * there (the batch in progress finishes), with a last checkpoint that records the batches done, so a
 * resume goes on at the next batch. A trainer may be reused for several fits, one at a
 * time.
 */
public final class Trainer {

    /** Appended to a stopped run's error: the checkpoints are written only after whole, finite epochs. */
    private static final String NOTHING_SAVED = " Nothing from this epoch was saved.";

    private final TrainingSettings settings;
    private final TrainingConfig config;
    private final Loss loss;
    private final Optimizer optimizer;
    private final List<TrainingListener> listeners;

    /**
     * @param settings  the epochs, batch size, seed, threads, schedule and clipping
     * @param loss      the loss to minimise
     * @param optimizer the update rule
     * @param listeners observers, called in order
     */
    public Trainer(TrainingSettings settings, Loss loss, Optimizer optimizer,
                   List<? extends TrainingListener> listeners) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.loss = Objects.requireNonNull(loss, "loss");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.listeners = List.copyOf(listeners);
        this.config = TrainingConfig.describing(loss, optimizer, settings);
    }

    /** The loop's settings. */
    public TrainingSettings settings() {
        return settings;
    }

    /** The whole run as it is saved: this trainer's loss and optimizer ids and settings, and its loop settings. */
    public TrainingConfig config() {
        return config;
    }

    /** The loss minimised. */
    public Loss loss() {
        return loss;
    }

    /** The update rule. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Trains {@code network} on {@code data} for the configured epochs.
     *
     * @throws ShapeMismatchException         if the data's widths do not match the network's
     * @throws NumericalInstabilityException if the loss becomes NaN or infinite
     */
    public TrainingHistory fit(Network network, Dataset data) {
        return run(network, data, null, null);
    }

    /**
     * Trains {@code network} on {@code train} for the configured epochs, and after each epoch measures
     * the loss and accuracy on {@code validation} (held out, never trained on) for the epoch's report.
     *
     * @throws ShapeMismatchException         if either dataset's widths do not match the network's
     * @throws NumericalInstabilityException if the loss becomes NaN or infinite
     */
    public TrainingHistory fit(Network network, Dataset train, Dataset validation) {
        return run(network, train, Objects.requireNonNull(validation, "validation"), null);
    }

    /**
     * Goes on with a run that stopped where {@code checkpoint} says: after
     * {@code checkpoint.completedEpochs()} epochs, and when it stopped inside the next one
     * ({@link TrainingCheckpoint#midEpoch()}), after that epoch's first {@code currentEpoch().batches()}
     * batches. {@code network} must hold the weights of that moment, and this trainer the run's
     * configuration. Trains the rest of the epoch (same order, learning rate and dropout masks) and the
     * remaining epochs, and returns the whole history, the checkpoint's epochs first. With the same data
     * and configuration, the result is bit-identical to a run that never stopped (whatever the thread
     * count). The epochs may be raised to train longer; a schedule that reads the total (cosine, a
     * warm-up followed by one) then spreads its later rates over the new total, so the run is no longer
     * the same as an uninterrupted one. The checkpoint is not modified.
     *
     * @param validation held-out data measured after each epoch, or null for none
     * @throws ShapeMismatchException if the checkpoint's optimizer state does not fit the network or
     *                                the optimizer
     * @throws InvalidConfigurationException if the run already finished its configured epochs (the
     *                                       message says to raise them), the checkpoint is past them, or
     *                                       its epochs saw another number of training examples or batches
     */
    public TrainingHistory resume(Network network, Dataset train, Dataset validation, TrainingCheckpoint checkpoint) {
        Objects.requireNonNull(checkpoint, "checkpoint");
        checkpoint.requireFits(network.parameters(), optimizer.stateSlots(), optimizer.id().value());
        requireEpochsLeft(checkpoint);
        if (!checkpoint.history().isEmpty()) {
            int seen = checkpoint.history().get(checkpoint.history().size() - 1).examples();
            if (seen != train.size()) {
                throw new InvalidConfigurationException("The checkpoint was trained on " + seen + " examples per epoch"
                        + " but this training set has " + train.size() + ": resume with the same training data (the"
                        + " same split, limit and folder), or start a new run.");
            }
        }
        if (checkpoint.midEpoch()) {
            int batchSize = Math.min(settings.batchSize(), train.size());
            int batches = (train.size() + batchSize - 1) / batchSize;
            if (checkpoint.currentEpoch().batches() >= batches) {
                throw new InvalidConfigurationException("The checkpoint stopped " + checkpoint.position() + ", but "
                        + train.size() + " training examples in batches of " + batchSize + " make only " + batches
                        + " batches per epoch: resume with the run's training data and batch size, or start a new"
                        + " run.");
            }
        }
        return run(network, train, validation, checkpoint.copy());
    }

    /** Refuses a checkpoint with no epoch left to train under this trainer's epochs, saying how to go on. */
    private void requireEpochsLeft(TrainingCheckpoint checkpoint) {
        int done = checkpoint.completedEpochs();
        int planned = settings.epochs();
        if (done == planned && !checkpoint.midEpoch()) {
            throw new InvalidConfigurationException("This run is finished: its checkpoint has trained all " + done
                    + " configured epochs, so there is nothing left to resume. To train longer, resume with more"
                    + " epochs (for example " + (done + 10) + " instead of " + done + ").");
        }
        if (done >= planned) {
            int needed = checkpoint.midEpoch() ? done + 1 : done;
            throw new InvalidConfigurationException("The checkpoint has already trained " + done + " epochs ("
                    + checkpoint.position() + ") but this run is configured for " + planned + ": ask for at least "
                    + needed + " epochs to resume it.");
        }
    }

    /**
     * Epochs from where {@code start} stopped (or the first) to the last, or until a listener asks to
     * stop: at an epoch's end, or after any batch.
     */
    private TrainingHistory run(Network network, Dataset data, Dataset validation, TrainingCheckpoint start) {
        DataWidths.require(network, data, loss);
        if (validation != null) {
            DataWidths.require(network, validation, loss);
        }
        int batchSize = Math.min(settings.batchSize(), data.size());
        int firstEpoch = start == null ? 1 : start.completedEpochs() + 1;
        EpochProgress resumeFrom = start == null ? EpochProgress.none() : start.currentEpoch();
        List<EpochReport> reports = new ArrayList<>(start == null ? List.of() : start.history());
        listeners.forEach(l -> l.onTrainingStart(config, data.size()));
        TrainingStep.Builder stepBuilder = TrainingStep.builder(network, loss, optimizer).capacity(batchSize)
                .threads(settings.threads()).clipping(settings.clipping());
        if (start != null) {
            stepBuilder.optimizerStates(start.optimizerStates());
        }
        try (TrainingStep step = stepBuilder.build()) {
            EpochLoop epochs = new EpochLoop(step, data, batchSize);
            for (int epoch = firstEpoch; epoch <= settings.epochs(); epoch++) {
                EpochEnd end = trainEpoch(step, epochs, epoch, validation, resumeFrom);
                resumeFrom = EpochProgress.none();
                if (end.stoppedAt().started()) {
                    TrainingCheckpoint checkpoint = new TrainingCheckpoint(epoch - 1, step.optimizerStates(), reports,
                            end.stoppedAt());
                    listeners.forEach(l -> l.onCheckpoint(network, config, checkpoint, true));
                    break;
                }
                EpochReport report = end.report();
                reports.add(report);
                listeners.forEach(l -> l.onEpochEnd(report));
                boolean stop = stopRequested();
                if (!listeners.isEmpty()) {
                    TrainingCheckpoint checkpoint = new TrainingCheckpoint(epoch, step.optimizerStates(), reports);
                    boolean last = stop || epoch == settings.epochs();
                    listeners.forEach(l -> l.onCheckpoint(network, config, checkpoint, last));
                }
                if (stop) {
                    break;
                }
            }
        }
        TrainingHistory history = new TrainingHistory(reports);
        listeners.forEach(l -> l.onTrainingEnd(history));
        return history;
    }

    /** Whether any listener asks to stop (indexed, so the per-batch poll allocates nothing). */
    private boolean stopRequested() {
        for (int l = 0; l < listeners.size(); l++) {
            if (listeners.get(l).stopRequested()) {
                return true;
            }
        }
        return false;
    }

    /**
     * How an epoch ended: with its report when all its batches ran, or with its progress when a listener
     * asked to stop after one of them ({@code stoppedAt} started, {@code report} null).
     */
    private record EpochEnd(EpochReport report, EpochProgress stoppedAt) {
    }

    /**
     * One epoch: its learning rate, dropout seed and order, then every batch from the one after
     * {@code from}'s through the step (each reported to the listeners, who are asked after each but the
     * last whether to stop), then the validation measurement. An epoch taken up after some batches has
     * its dropout stream moved past their masks and its running figures restored, so it goes on exactly
     * as if it had never stopped.
     */
    private EpochEnd trainEpoch(TrainingStep step, EpochLoop epochs, int epoch, Dataset validation,
                                EpochProgress from) {
        double rate = scheduledRate(epoch, optimizer.learningRate());
        step.learningRate(rate);
        step.reseedDropout(EpochOrder.dropoutSeed(settings.seed(), epoch));
        step.skipDropout(epochs.rowsBefore(from.batches()));
        EpochOrder.arrange(epochs.begin(from), settings.seed(), epoch, settings.shuffle());
        int batches = epochs.batches();
        long startNanos = System.nanoTime();
        for (int batch = from.batches() + 1; batch <= batches; batch++) {
            double batchLoss;
            try {
                batchLoss = epochs.trainBatch(batch);
            } catch (NumericalInstabilityException diverged) {
                throw new NumericalInstabilityException(stoppedAt(epoch, batch, batches) + diverged.getMessage()
                        + NOTHING_SAVED, diverged);
            } catch (PluginFailedException failed) {
                throw new PluginFailedException(failed.pluginId(), stoppedAt(epoch, batch, batches)
                        + failed.getMessage() + NOTHING_SAVED, failed.getCause());
            }
            if (!Double.isFinite(batchLoss)) {
                throw diverged(step, batchLoss, epoch, batch, batches, rate);
            }
            if (!listeners.isEmpty()) {
                BatchReport batchReport = new BatchReport(epoch, batch, batches, epochs.lastRows(), batchLoss);
                for (int l = 0; l < listeners.size(); l++) {
                    listeners.get(l).onBatchEnd(batchReport);
                }
                if (batch < batches && stopRequested()) {
                    return new EpochEnd(null, epochs.progress(batch, from.seconds() + secondsSince(startNanos)));
                }
            }
        }
        double seconds = from.seconds() + secondsSince(startNanos);
        Network network = step.network();
        Evaluation.Measurement measured = validation == null ? new Evaluation.Measurement(Double.NaN, Double.NaN)
                : Evaluation.measure(network, validation, loss);
        return new EpochEnd(new EpochReport(epoch, settings.epochs(), epochs.meanLoss(), epochs.examples(), seconds,
                rate, epochs.accuracy(), measured.loss(), measured.accuracy()), EpochProgress.none());
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The error for a batch whose loss is not finite, naming the first layer that produced NaN or infinity. */
    private NumericalInstabilityException diverged(TrainingStep step, double batchLoss, int epoch, int batch,
                                                   int batches, double rate) {
        String where = step.firstNonFiniteLayer().orElse("the " + loss.id() + " loss itself");
        return new NumericalInstabilityException(stoppedAt(epoch, batch, batches) + "the " + loss.id() + " loss became "
                + batchLoss + ", first in " + where + "." + NOTHING_SAVED + " Lower the learning rate (now " + rate
                + "), scale the inputs, or check that plugin.");
    }

    private static String stoppedAt(int epoch, int batch, int batches) {
        return "Training stopped at epoch " + epoch + ", batch " + batch + " of " + batches + ": ";
    }

    /** The schedule's rate for {@code epoch}; the constant schedule leaves any optimizer untouched. */
    private double scheduledRate(int epoch, double initialRate) {
        if (settings.schedule() instanceof LearningRateSchedule.Constant) {
            return initialRate;
        }
        if (!Double.isFinite(initialRate)) {
            throw new InvalidConfigurationException("The learning-rate schedule " + settings.schedule() + " needs an"
                    + " optimizer with a '" + Optimizer.LEARNING_RATE + "' setting, but '" + optimizer.id()
                    + "' has none: use the constant schedule or another optimizer.");
        }
        return settings.schedule().rate(epoch, settings.epochs(), initialRate);
    }
}
