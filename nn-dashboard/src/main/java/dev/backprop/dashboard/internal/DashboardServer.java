package dev.backprop.dashboard.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard's HTTP server (the JDK's {@code com.sun.net.httpserver}), bound to the loopback address
 * only. It serves the page and its files, {@code GET /api/history} (everything so far, as JSON),
 * {@code GET /api/events} (the live stream, see {@link EventStream}), {@code POST /api/stop} (the Stop
 * button) and {@code GET /diagram.svg}; any other path is a 404 that lists these. Requests must name the
 * server as {@code 127.0.0.1}, {@code localhost} or {@code [::1]} with its port (so a web page elsewhere
 * cannot reach it through DNS rebinding), and a stop request from a browser must come from the
 * dashboard's own page (its {@code Origin}).
 */
public final class DashboardServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardServer.class);
    private static final int MAX_STREAMS = 32;
    private static final String PATHS = "/ (the page), /api/history, /api/events, /api/stop (POST) and /diagram.svg";

    private final HttpServer server;
    private final ExecutorService threads;
    private final Journal journal;
    private final StaticFiles files;
    private final EventStream events;
    private final Runnable stop;
    private final Set<String> hosts;

    private DashboardServer(HttpServer server, ExecutorService threads, Journal journal, EventLog log,
                            StaticFiles files, Runnable stop) {
        this.server = server;
        this.threads = threads;
        this.journal = journal;
        this.files = files;
        this.events = new EventStream(log, MAX_STREAMS);
        this.stop = stop;
        int port = server.getAddress().getPort();
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    }

    /**
     * Binds to {@code port} on the loopback address (0: any free port) and starts serving.
     *
     * @param stop what the Stop button does
     * @throws BindException if the port is taken
     * @throws IOException   if the server cannot start otherwise
     */
    public static DashboardServer start(int port, Journal journal, EventLog log, StaticFiles files, Runnable stop)
            throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
            Thread daemon = new Thread(runnable, "backprop-dashboard-http");
            daemon.setDaemon(true);
            return daemon;
        });
        server.setExecutor(threads);
        DashboardServer dashboard = new DashboardServer(server, threads, journal, log, files, stop);
        server.createContext("/", dashboard::handle);
        server.start();
        return dashboard;
    }

    /** The address bound: the loopback address and the port. */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (IOException | RuntimeException failure) {
            LOG.debug("A dashboard request for {} failed: {}", exchange.getRequestURI(), failure.toString());
            exchange.close();
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host != null && !hosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            Responses.text(exchange, 403, "This dashboard answers requests for 127.0.0.1, localhost or [::1] on port "
                    + address().getPort() + " only, not for '" + shorten(host) + "': open http://127.0.0.1:"
                    + address().getPort() + "/ instead.");
            return;
        }
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if ("/api/stop".equals(path)) {
            if (!"POST".equals(method)) {
                exchange.getResponseHeaders().set("Allow", "POST");
                Responses.text(exchange, 405, "Stop training with POST /api/stop (the page's Stop button), not "
                        + method + ".");
                return;
            }
            requestStop(exchange);
            return;
        }
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            Responses.text(exchange, 405, path + " is read with GET, not " + method + ".");
            return;
        }
        if ("/api/events".equals(path)) {
            events.serve(exchange);
        } else if ("/api/history".equals(path)) {
            Responses.json(exchange, 200, journal.historyJson());
        } else if ("/diagram.svg".equals(path)) {
            serveDiagram(exchange);
        } else {
            serveFile(exchange, "/index.html".equals(path) ? "/" : path);
        }
    }

    private void requestStop(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !(origin.startsWith("http://") && hosts.contains(origin.substring("http://".length())))) {
            Responses.text(exchange, 403, "Only the dashboard's own page may stop training; this request came from '"
                    + shorten(origin) + "'.");
            return;
        }
        stop.run();
        Responses.json(exchange, 202, "{\"stopping\":true}");
    }

    private void serveDiagram(HttpExchange exchange) throws IOException {
        Optional<String> svg = journal.diagram();
        if (svg.isEmpty()) {
            Responses.text(exchange, 404, "No network diagram has been shown on this dashboard yet.");
            return;
        }
        // Shown through <img>, where scripts never run; the policy also stops them when opened directly.
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'");
        Responses.send(exchange, 200, "image/svg+xml", svg.get().getBytes(StandardCharsets.UTF_8));
    }

    private void serveFile(HttpExchange exchange, String path) throws IOException {
        Optional<StaticFiles.File> file = files.at(path);
        if (file.isEmpty()) {
            Responses.text(exchange, 404, "Nothing here at " + shorten(path) + ": this dashboard serves " + PATHS + ".");
            return;
        }
        exchange.getResponseHeaders().set("Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
        Responses.send(exchange, 200, file.get().contentType(), file.get().bytes());
    }

    /** At most 80 characters of something the client sent, for a message. */
    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** Stops serving: open streams end (close the {@link EventLog} first), the port is freed. */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdown();
        try {
            if (!threads.awaitTermination(2, TimeUnit.SECONDS)) {
                threads.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
