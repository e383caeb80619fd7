package dev.backprop.dashboard;

import dev.backprop.api.InvalidConfigurationException;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingConfig;
import dev.backprop.core.train.TrainingHistory;
import dev.backprop.dashboard.internal.BatchChunk;
import dev.backprop.dashboard.internal.DashboardServer;
import dev.backprop.dashboard.internal.EvaluationViews;
import dev.backprop.dashboard.internal.EventLog;
import dev.backprop.dashboard.internal.Inbox;
import dev.backprop.dashboard.internal.Journal;
import dev.backprop.dashboard.internal.JsonWriter;
import dev.backprop.dashboard.internal.LayerSampler;
import dev.backprop.dashboard.internal.Message;
import dev.backprop.dashboard.internal.Publisher;
import dev.backprop.dashboard.internal.RunDescriptions;
import dev.backprop.dashboard.internal.StaticFiles;
import dev.backprop.dashboard.internal.StopSwitch;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live training dashboard: a page in the browser, served from this JVM on the loopback address only
 * ({@code http://127.0.0.1:PORT/}), that shows a run as it trains (loss and accuracy per batch and per
 * epoch, learning rate, speed, progress and time left, each layer's weight and gradient norms and
 * histograms of its weights and activations), and at the end its confusion matrix and network diagram.
 * Its Stop button ends training cleanly.
 *
 * <pre>{@code
 * try (Dashboard dashboard = Dashboard.start(DashboardSettings.defaults().withPort(8080))) {
 *     DashboardListener listener = DashboardListener.builder(dashboard, network)
 *             .probe(train, trainer.loss()).evaluateOn(validation, classNames).build();
 *     // add the listener to the trainer's listeners, then fit
 * }
 * }</pre>
 *
 * <p>Training never waits for the browser: the {@link DashboardListener} hands its figures to a bounded,
 * non-blocking queue; one background thread moves them into the server's record, and each page reads
 * from that record at its own pace. A page opened late, or reloaded, gets the whole history so far (batch
 * points decimated to at most {@link DashboardSettings#maxBatchPoints()}), then the live stream of
 * server-sent events, which resumes where it left off when the connection drops. A new run (another
 * {@code onTrainingStart}) replaces the one on show.
 *
 * <p>The {@code show...} methods are thread-safe and return at once; what they show appears within
 * {@link DashboardSettings#publishInterval()}. Close the dashboard to free its port and threads.
 */
public final class Dashboard implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dashboard.class);
    /** Batch reports that may wait for the publisher at once (about a minute of the fastest training). */
    private static final int INBOX_CAPACITY = 1 << 16;
    /** Events kept for pages that reconnect (a few each second while training: half an hour and more). */
    private static final int EVENTS_KEPT = 10_000;
    private static final int EVENTS_PER_WRITE = 500;

    private final DashboardSettings settings;
    private final Inbox inbox;
    private final EventLog log;
    private final Publisher publisher;
    private final DashboardServer server;
    private final StopSwitch stop;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Dashboard(DashboardSettings settings, Inbox inbox, StopSwitch stop, EventLog log, Publisher publisher,
                      DashboardServer server) {
        this.settings = settings;
        this.inbox = inbox;
        this.stop = stop;
        this.log = log;
        this.publisher = publisher;
        this.server = server;
    }

    /**
     * Starts the server on 127.0.0.1 at {@code settings.port()} (0: any free port; see {@link #uri()}).
     *
     * @throws DashboardUnavailableException if the port is in use (the message names it and how to pick
     *                                       another), or the page's files are not on the class path
     */
    public static Dashboard start(DashboardSettings settings) {
        Objects.requireNonNull(settings, "settings");
        StaticFiles files;
        try {
            files = StaticFiles.load();
        } catch (IllegalStateException missing) {
            throw new DashboardUnavailableException(missing.getMessage(), missing);
        }
        EventLog log = new EventLog(EVENTS_KEPT, EVENTS_PER_WRITE);
        Journal journal = new Journal(log, new JsonWriter(), settings.maxBatchPoints());
        Inbox inbox = new Inbox(INBOX_CAPACITY);
        StopSwitch stop = new StopSwitch(inbox);
        DashboardServer server;
        try {
            server = DashboardServer.start(settings.port(), journal, log, files, stop::press);
        } catch (BindException inUse) {
            throw new DashboardUnavailableException("Port " + settings.port() + " on 127.0.0.1 is already in use, so"
                    + " the dashboard cannot start there: choose another port, or port 0 to let the system pick a"
                    + " free one (the dashboard then logs its address).", inUse);
        } catch (IOException failure) {
            throw new DashboardUnavailableException("The dashboard could not start on port " + settings.port()
                    + " of 127.0.0.1: " + failure.getMessage() + ". Choose another port, or port 0 for any free one.",
                    failure);
        }
        Publisher publisher = new Publisher(inbox, journal, settings.publishInterval());
        Dashboard dashboard = new Dashboard(settings, inbox, stop, log, publisher, server);
        LOG.info("Training dashboard at {}", dashboard.uri());
        return dashboard;
    }

    /** The page's address, {@code http://127.0.0.1:PORT/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + address().getPort() + "/");
    }

    /** The socket address the server listens on: the loopback address and the port. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The settings it runs with. */
    public DashboardSettings settings() {
        return settings;
    }

    /**
     * A listener that shows a run of {@code network}: batches, epochs, and the weights of each layer
     * (norms and histograms). For gradient norms and activation histograms too, build it with
     * {@link DashboardListener#builder} and a probe.
     */
    public DashboardListener listener(Network network) {
        return DashboardListener.builder(this, network).build();
    }

    /**
     * Shows a finished run, such as one read from a model file: its epochs, and its network's layers with
     * their weights as they are now. Replaces whatever was on show.
     *
     * @param network the trained network (not being trained while this runs: its weights are read now)
     * @param history its epochs
     * @param config  its training configuration, or null when unknown
     */
    public void showRun(Network network, TrainingHistory history, TrainingConfig config) {
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(history, "history");
        int epochs = history.epochs().size();
        post(new Message.HistoryShown(RunDescriptions.modelFile(network, config, epochs), history.epochs()));
        post(new Message.Sampled(new LayerSampler(network, null, settings.histogramBins()).sample(epochs,
                Double.NaN)));
    }

    /**
     * Shows the confusion matrix of the trained network with each class's precision, recall and F1.
     *
     * @param classNames one name per class, or empty to number them from 0
     * @throws InvalidConfigurationException if names are given but not one per class
     */
    public void showEvaluation(ConfusionMatrix matrix, List<String> classNames) {
        post(new Message.Evaluated(EvaluationViews.of(Objects.requireNonNull(matrix, "matrix"),
                Objects.requireNonNull(classNames, "class names"))));
    }

    /**
     * Shows a diagram of the network, as SVG (such as the CLI's {@code diagram} command draws). The page
     * shows it as an image, so scripts in it never run.
     *
     * @throws InvalidConfigurationException if {@code svg} is not an SVG document
     */
    public void showDiagram(String svg) {
        Objects.requireNonNull(svg, "svg");
        if (!svg.contains("<svg")) {
            String start = svg.strip();
            throw new InvalidConfigurationException("The dashboard shows the network diagram as SVG, but the text"
                    + " given has no <svg> element (it starts with '" + (start.length() > 40 ? start.substring(0, 40)
                    + "..." : start) + "'): pass the SVG document itself, not a file name or another format.");
        }
        post(new Message.Diagram(svg));
    }

    /** Shows that training failed, with {@code message} (for example the exception's message). */
    public void showFailure(String message) {
        post(new Message.StatusChanged("failed", Objects.requireNonNull(message, "message")));
    }

    /** Asks training to stop, as the page's Stop button does. */
    public void requestStop() {
        stop.press();
    }

    /** Whether the page's Stop button (or {@link #requestStop()}) asked training to stop since the run started. */
    public boolean stopRequested() {
        return stop.pressed();
    }

    /** A new run begins: the stop request of an earlier run no longer counts. */
    void beginRun(Message.RunStarted started) {
        stop.release();
        post(started);
    }

    void post(Message message) {
        inbox.post(message);
    }

    void offerBatches(BatchChunk chunk) {
        inbox.offerBatches(chunk);
    }

    /** Publishes what is left, ends the pages' streams, frees the port and stops the threads. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        publisher.close();
        inbox.close();
        log.close();
        server.close();
        LOG.debug("Training dashboard at port {} closed", address().getPort());
    }
}
