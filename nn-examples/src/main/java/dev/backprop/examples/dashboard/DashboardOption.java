package dev.backprop.examples.dashboard;

import picocli.CommandLine.Option;

/** {@code --dashboard [PORT]}: show the run live in the browser ({@link LiveDashboard}). */
public final class DashboardOption {

    @Option(names = "--dashboard", paramLabel = "PORT", arity = "0..1", fallbackValue = "0",
            description = "Show training live in the browser: loss, accuracy, learning rate, speed, per-layer norms and"
                    + " histograms, a Stop button. Serves http://127.0.0.1:PORT/ (this machine only) and prints the"
                    + " address; without PORT, a free one.")
    Integer port;

    /** Whether {@code --dashboard} was given. */
    public boolean enabled() {
        return port != null;
    }

    /** The port asked for, 0 for any free one; meaningful only when {@link #enabled()}. */
    public int port() {
        return port == null ? 0 : port;
    }
}
