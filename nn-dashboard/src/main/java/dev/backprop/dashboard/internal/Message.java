package dev.backprop.dashboard.internal;

import dev.backprop.core.train.EpochReport;
import java.util.List;

/**
 * What the training thread (or the application) hands to the server through the {@link Inbox}: small
 * immutable values, applied in order by the {@link Publisher}.
 */
public sealed interface Message {

    /**
     * A new run begins: the page starts over.
     *
     * @param info       what is trained
     * @param startNanos {@link System#nanoTime()} at the start
     */
    record RunStarted(Views.RunInfo info, long startNanos) implements Message {
    }

    /** @param chunk consecutive batches, recorded on the training thread */
    record Batches(BatchChunk chunk) implements Message {
    }

    /**
     * One batch done (read from a {@link BatchChunk}).
     *
     * @param epoch        the epoch, from 1
     * @param batch        the batch within the epoch, from 1
     * @param batches      the batches per epoch
     * @param rows         the examples in the batch
     * @param loss         the batch loss
     * @param learningRate the epoch's learning rate
     * @param nanos        {@link System#nanoTime()} when it was reported
     */
    record BatchDone(int epoch, int batch, int batches, int rows, double loss, double learningRate, long nanos) {

        /** The training position in epochs. */
        double x() {
            return epoch - 1 + (double) batch / batches;
        }
    }

    /**
     * One epoch done.
     *
     * @param report what it achieved
     * @param nanos  {@link System#nanoTime()} when it was reported, or 0 when not measured (a resumed run's
     *               earlier epochs, a model file)
     */
    record EpochDone(EpochReport report, long nanos) implements Message {
    }

    /**
     * A finished run's epochs, shown without live training (a model file).
     *
     * @param info    what was trained
     * @param reports every epoch, in order
     */
    record HistoryShown(Views.RunInfo info, List<EpochReport> reports) implements Message {
    }

    /** @param sample a measurement of every layer */
    record Sampled(Views.Sample sample) implements Message {
    }

    /**
     * @param state   the new state (see {@link Views.Status})
     * @param message a sentence for the page, or null
     */
    record StatusChanged(String state, String message) implements Message {
    }

    /** @param evaluation the final confusion matrix and per-class figures */
    record Evaluated(Views.Evaluation evaluation) implements Message {
    }

    /** @param svg the network diagram */
    record Diagram(String svg) implements Message {
    }
}
