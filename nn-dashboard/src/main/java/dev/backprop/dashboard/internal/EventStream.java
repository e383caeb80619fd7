package dev.backprop.dashboard.internal;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /api/events}: the live stream of server-sent events, read from the {@link EventLog}
 * at this page's own pace. It starts after the event id the browser sends in {@code Last-Event-ID} when
 * it reconnects, else after {@code ?after=ID} (the {@code lastEventId} of the history the page loaded),
 * else from the oldest event kept. When the page asks for events no longer kept, it gets a {@code reset}
 * event and reloads the history. A comment line every 15 s keeps idle connections open. A page that
 * closes ends its stream at the next write; a slow one only falls behind (and is told to reload when it
 * falls out of the log).
 */
final class EventStream {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final long KEEP_ALIVE_MILLIS = 15_000;

    private final EventLog log;
    private final Semaphore streams;

    /**
     * @param log        the events
     * @param maxStreams the most pages streaming at once (each holds a thread)
     */
    EventStream(EventLog log, int maxStreams) {
        this.log = log;
        this.streams = new Semaphore(maxStreams);
    }

    void serve(HttpExchange exchange) throws IOException {
        long after;
        try {
            after = resumePoint(exchange);
        } catch (NumberFormatException bad) {
            Responses.text(exchange, 400, bad.getMessage());
            return;
        }
        if (!streams.tryAcquire()) {
            Responses.text(exchange, 503, "Too many dashboard pages are open at once: close some tabs and reload.");
            return;
        }
        try {
            stream(exchange, after);
        } catch (IOException closed) {
            LOG.debug("A dashboard page closed its event stream: {}", closed.getMessage());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            streams.release();
            exchange.close();
        }
    }

    private void stream(HttpExchange exchange, long after) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        Writer out = new OutputStreamWriter(body, StandardCharsets.UTF_8);
        out.write("retry: 1000\n\n");
        out.flush();
        long cursor = after;
        while (true) {
            EventLog.Replay replay = log.awaitAfter(cursor, KEEP_ALIVE_MILLIS);
            if (replay.missed()) {
                cursor = replay.lastId();
                write(out, new EventLog.Event(cursor, "reset", "{}"));
            } else if (replay.events().isEmpty()) {
                if (replay.closed()) {
                    return;
                }
                out.write(": keep-alive\n\n");
            } else {
                for (EventLog.Event event : replay.events()) {
                    write(out, event);
                    cursor = event.id();
                }
            }
            out.flush();
        }
    }

    private static void write(Writer out, EventLog.Event event) throws IOException {
        out.write("id: " + event.id() + "\nevent: " + event.type() + "\ndata: " + event.data() + "\n\n");
    }

    /**
     * The id the page has seen: {@code Last-Event-ID}, else {@code ?after=}, else 0.
     *
     * @throws NumberFormatException saying what was expected and found
     */
    static long resumePoint(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Last-Event-ID");
        if (header != null && !header.isBlank()) {
            return parseId(header.trim(), "The Last-Event-ID header");
        }
        String query = exchange.getRequestURI().getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("after=")) {
                    return parseId(pair.substring("after=".length()), "The 'after' parameter");
                }
            }
        }
        return 0;
    }

    private static long parseId(String text, String what) {
        try {
            long id = Long.parseLong(text);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException notANumber) {
            // explained below
        }
        throw new NumberFormatException(what + " must be the id of an event this dashboard sent (a whole number,"
                + " 0 or more), but was '" + text + "': reload the page, or leave it out to start from the oldest"
                + " event kept.");
    }
}
