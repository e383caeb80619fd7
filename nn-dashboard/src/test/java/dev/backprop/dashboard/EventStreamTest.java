package dev.backprop.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The live stream (server-sent events) over HttpClient: its events, and resuming by Last-Event-ID. */
class EventStreamTest {

    /** One parsed server-sent event. */
    record Event(long id, String type, String data) {
    }

    private Dashboard dashboard;
    private DashboardClient client;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        dashboard = Dashboard.start(DashboardSettings.defaults().withPublishInterval(Duration.ofMillis(20)));
        client = new DashboardClient(dashboard);
        Recorder recorder = new Recorder();
        var network = Runs.network(8);
        Runs.trainer(3, 64, List.of(recorder, dashboard.listener(network))).fit(network, Runs.blobs(256, 1));
        client.awaitHistory("the finished run", h -> DashboardClient.state(h, "finished"));
    }

    @AfterEach
    void close() {
        dashboard.close();
    }

    @Test
    void stream_fromTheStart_hasTheRunsEventsNumberedInOrder() throws Exception {
        long last = client.history().path("lastEventId").asLong();
        List<Event> events = read(HttpRequest.newBuilder(client.uri("/api/events?after=0")), (int) last);
        for (int i = 0; i < events.size(); i++) {
            assertEquals(i + 1, events.get(i).id(), "ids count up from 1");
        }
        assertEquals("reset", events.get(0).type(), "a new run makes pages reload");
        List<Integer> epochs = new ArrayList<>();
        for (Event event : events) {
            if (event.type().equals("epoch")) {
                epochs.add(json.readTree(event.data()).path("epoch").asInt());
            }
        }
        assertEquals(List.of(1, 2, 3), epochs);
        assertEquals("status", events.get(events.size() - 1).type());
        assertTrue(events.get(events.size() - 1).data().contains("\"finished\""));
    }

    @Test
    void reconnect_withLastEventId_resumesRightAfterIt() throws Exception {
        long last = client.history().path("lastEventId").asLong();
        List<Event> all = read(HttpRequest.newBuilder(client.uri("/api/events?after=0")), (int) last);
        long middle = last / 2;
        // As a browser reconnects: the same URL, and the id of the last event it saw in Last-Event-ID.
        List<Event> resumed = read(HttpRequest.newBuilder(client.uri("/api/events?after=0"))
                .header("Last-Event-ID", Long.toString(middle)), (int) (last - middle));
        assertEquals(all.subList((int) middle, (int) last), resumed);
    }

    @Test
    void afterParameter_startsAfterTheHistoryThePageLoaded() throws Exception {
        long last = client.history().path("lastEventId").asLong();
        List<Event> tail = read(HttpRequest.newBuilder(client.uri("/api/events?after=" + (last - 1))), 1);
        assertEquals(last, tail.get(0).id());
    }

    @Test
    void unknownEventId_getsAResetToReload() throws Exception {
        long last = client.history().path("lastEventId").asLong();
        List<Event> events = read(HttpRequest.newBuilder(client.uri("/api/events"))
                .header("Last-Event-ID", Long.toString(last + 1000)), 1);
        assertEquals(new Event(last, "reset", "{}"), events.get(0));
    }

    @Test
    void malformedEventId_is400_sayingWhatIsExpected() {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(client.uri("/api/events"))
                .header("Last-Event-ID", "yesterday").build());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("must be the id of an event this dashboard sent"), response.body());
        assertTrue(response.body().contains("'yesterday'"), response.body());
    }

    @Test
    void stream_hasTheEventStreamContentType() throws Exception {
        HttpResponse<InputStream> response = client.http().send(HttpRequest.newBuilder(client.uri("/api/events"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElseThrow().startsWith("text/event-stream"));
        }
    }

    /** Opens the stream and reads {@code count} events (within 10 s), then closes it. */
    private List<Event> read(HttpRequest.Builder request, int count) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            HttpResponse<InputStream> response = client.http().send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, response.statusCode());
            try (InputStream body = response.body()) {
                return parse(new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8)), count);
            }
        });
    }

    private static List<Event> parse(BufferedReader in, int count) throws IOException {
        List<Event> events = new ArrayList<>();
        long id = -1;
        String type = null;
        StringBuilder data = new StringBuilder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                if (type != null) {
                    events.add(new Event(id, type, data.toString()));
                    if (events.size() == count) {
                        return events;
                    }
                }
                type = null;
                data.setLength(0);
            } else if (line.startsWith("id: ")) {
                id = Long.parseLong(line.substring(4));
            } else if (line.startsWith("event: ")) {
                type = line.substring(7);
            } else if (line.startsWith("data: ")) {
                data.append(line.substring(6));
            }
        }
        return events;
    }
}
