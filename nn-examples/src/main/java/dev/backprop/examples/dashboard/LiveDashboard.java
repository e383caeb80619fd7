package dev.backprop.examples.dashboard;

import dev.backprop.api.loss.Loss;
import dev.backprop.core.data.Dataset;
import dev.backprop.core.evaluation.ConfusionMatrix;
import dev.backprop.core.network.Network;
import dev.backprop.core.train.TrainingListener;
import dev.backprop.dashboard.Dashboard;
import dev.backprop.dashboard.DashboardListener;
import dev.backprop.dashboard.DashboardSettings;
import dev.backprop.examples.diagram.NetworkSvg;
import java.io.Console;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard of one command run, or nothing when {@code --dashboard} was not given: started before
 * training, fed by a {@link DashboardListener}, shown the test report and the network diagram at the end,
 * and kept open for an interactive user until Enter (scripts and tests, without a console, go straight on).
 */
public final class LiveDashboard implements AutoCloseable {

    private final Dashboard dashboard;
    private final PrintWriter out;

    private LiveDashboard(Dashboard dashboard, PrintWriter out) {
        this.dashboard = dashboard;
        this.out = out;
    }

    /** Starts the dashboard if {@code option} asks for one, and prints its address. */
    public static LiveDashboard start(DashboardOption option, PrintWriter out) {
        if (!option.enabled()) {
            return new LiveDashboard(null, out);
        }
        Dashboard started = Dashboard.start(DashboardSettings.defaults().withPort(option.port()));
        out.println("dashboard: " + started.uri() + " (open it in a browser; Stop there ends training after the"
                + " batch under way and keeps the checkpoint)");
        out.flush();
        return new LiveDashboard(started, out);
    }

    /** Whether a dashboard is running. */
    public boolean enabled() {
        return dashboard != null;
    }

    /**
     * The listeners that feed the page: none without a dashboard, else one that samples {@code network}'s layers
     * on a probe batch of {@code train} with {@code loss} (for the gradient norms and activation histograms).
     */
    public List<TrainingListener> listeners(Network network, Dataset train, Loss loss) {
        if (dashboard == null) {
            return List.of();
        }
        return List.of(DashboardListener.builder(dashboard, network).probe(train, loss).build());
    }

    /** Whether the page's Stop button asked training to stop. */
    public boolean stopRequested() {
        return dashboard != null && dashboard.stopRequested();
    }

    /** {@code own}, then the dashboard's listener for {@code network} (as {@link #listeners}) when there is one. */
    public TrainingListener[] withOwn(Network network, Dataset train, Loss loss, TrainingListener... own) {
        List<TrainingListener> all = new java.util.ArrayList<>(List.of(own));
        all.addAll(listeners(network, train, loss));
        return all.toArray(TrainingListener[]::new);
    }

    /** Shows the test set's confusion matrix and the network's diagram. */
    public void showResult(Network network, ConfusionMatrix matrix, List<String> classNames) {
        if (dashboard == null) {
            return;
        }
        dashboard.showEvaluation(matrix, classNames.size() == matrix.classes() ? classNames : List.of());
        dashboard.showDiagram(NetworkSvg.of(network));
    }

    /** Shows the network's diagram. */
    public void showDiagram(Network network) {
        if (dashboard != null) {
            dashboard.showDiagram(NetworkSvg.of(network));
        }
    }

    /** Shows that the run failed, with {@code message}. */
    public void showFailure(String message) {
        if (dashboard != null) {
            dashboard.showFailure(message);
        }
    }

    /** The running dashboard, if any. */
    public Optional<Dashboard> dashboard() {
        return Optional.ofNullable(dashboard);
    }

    /**
     * At the end of a run: an interactive user (a console) keeps the page until pressing Enter; without a
     * console the command ends at once.
     */
    public void keepOpenForTheUser() {
        Console console = System.console();
        if (dashboard == null || console == null) {
            return;
        }
        out.println("dashboard: the finished run stays at " + dashboard.uri() + "; press Enter to exit");
        out.flush();
        console.readLine();
    }

    @Override
    public void close() {
        if (dashboard != null) {
            dashboard.close();
        }
    }
}
