package dev.backprop.dashboard.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server's record of the run on show: applies the {@link Message}s from the training thread to the
 * {@link RunState} and logs, for each change, the event the open pages receive, under one lock, so that
 * a page's {@link #history()} and the events after its {@code lastEventId} fit together exactly. Batch
 * reports become one {@code batches} event per call of {@link #apply} (or a {@code resample} event, when
 * the series was halved and pages must reload it); a new run, or a finished run shown from a file, is a
 * {@code reset} event, after which pages reload. Thread-safe.
 */
public final class Journal {

    private final EventLog log;
    private final JsonWriter json;
    private final int maxBatchPoints;
    private RunState state;
    private String diagram;
    private long diagramVersion;
    private int pendingBatches;
    private long droppedBatches;

    /**
     * @param log            where the events go
     * @param json           writes their data
     * @param maxBatchPoints the batch points kept per run
     */
    public Journal(EventLog log, JsonWriter json, int maxBatchPoints) {
        this.log = log;
        this.json = json;
        this.maxBatchPoints = maxBatchPoints;
        this.state = new RunState(null, 0, maxBatchPoints, RunState.WAITING);
    }

    /**
     * Applies {@code messages} in order and logs their events.
     *
     * @param dropped the batch reports dropped so far before reaching the journal
     */
    public synchronized void apply(List<Message> messages, long dropped) {
        droppedBatches = dropped;
        for (Message message : messages) {
            if (message instanceof Message.Batches batches) {
                BatchChunk chunk = batches.chunk();
                for (int i = 0; i < chunk.size() && state.hasRun(); i++) {
                    state.addBatch(chunk.get(i));
                    pendingBatches++;
                }
                continue;
            }
            flushBatches();
            if (message instanceof Message.RunStarted started) {
                state = new RunState(started.info(), started.startNanos(), maxBatchPoints,
                        new Views.Status("running", null));
                log.append("reset", "{}");
            } else if (message instanceof Message.HistoryShown shown) {
                state = new RunState(shown.info(), 0, maxBatchPoints, new Views.Status("finished",
                        "A finished run, read from a model file."));
                shown.reports().forEach(report -> state.addEpoch(report, 0));
                log.append("reset", "{}");
            } else if (message instanceof Message.EpochDone done) {
                log.append("epoch", json.write(state.addEpoch(done.report(), done.nanos())));
            } else if (message instanceof Message.Sampled sampled) {
                state.addSample(sampled.sample());
                log.append("sample", json.write(sampled.sample()));
            } else if (message instanceof Message.StatusChanged changed) {
                Views.Status status = new Views.Status(changed.state(), changed.message());
                state.status(status);
                log.append("status", json.write(status));
            } else if (message instanceof Message.Evaluated evaluated) {
                state.evaluation(evaluated.evaluation());
                log.append("evaluation", json.write(evaluated.evaluation()));
            } else if (message instanceof Message.Diagram shown) {
                diagram = shown.svg();
                diagramVersion++;
                log.append("diagram", json.write(Map.of("version", diagramVersion)));
            }
        }
        flushBatches();
    }

    /** Logs the batch points since the last event as one {@code batches} (or {@code resample}) event. */
    private void flushBatches() {
        if (pendingBatches == 0) {
            return;
        }
        pendingBatches = 0;
        Views.BatchColumns points = state.batches().takeNew();
        if (points == null) {
            log.append("resample", "{}");
        } else {
            log.append("batches", json.write(new Views.BatchesEvent(points, state.progress(), droppedBatches)));
        }
    }

    /** Everything a page needs to start, with the id of the last event it includes. */
    public synchronized Views.History history() {
        return state.history(log.lastId(), diagramVersion, droppedBatches);
    }

    /** {@link #history()} as JSON. */
    public synchronized String historyJson() {
        return json.write(history());
    }

    /** The network diagram (SVG), if one was shown. */
    public synchronized Optional<String> diagram() {
        return Optional.ofNullable(diagram);
    }
}
